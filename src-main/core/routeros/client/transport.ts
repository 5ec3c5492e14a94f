/** Opens the TCP or TLS socket (before login) and turns every failure into a typed error. */
import net from 'node:net';
import tls from 'node:tls';
import { RosConnectionError, RosError, RosTimeoutError, RosTlsError } from './errors';
import { toConnectionError } from './net-errors';
import { checkPeerCertificate, tlsErrorFrom } from './tls';

export interface TransportOptions {
  host: string;
  port: number;
  tls?: { pinnedSha256: string | null };
  timeoutMs: number;
}

export interface Transport {
  socket: net.Socket;
  /** Peer certificate fingerprint when TLS, else null. */
  fingerprint: string | null;
}

export function openTransport(opts: TransportOptions): Promise<Transport> {
  return new Promise<Transport>((resolve, reject) => {
    let settled = false;
    let tcpConnected = false;
    let socket: net.Socket | undefined;
    const timer = setTimeout(() => fail(new RosTimeoutError('connect', opts.timeoutMs)), opts.timeoutMs);
    const fail = (err: RosError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      reject(err);
    };
    const succeed = (connected: net.Socket, fingerprint: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      connected.removeListener('close', onClose);
      resolve({ socket: connected, fingerprint });
    };
    const onClose = (): void => fail(new RosConnectionError(tcpConnected ? 'reset' : 'closed'));

    try {
      if (opts.tls) {
        const pinned = opts.tls.pinnedSha256;
        const tlsSocket = tls.connect({
          host: opts.host,
          port: opts.port,
          // Trust comes from the pinned fingerprint checked below, not from a CA chain.
          rejectUnauthorized: false,
          ...(net.isIP(opts.host) === 0 ? { servername: opts.host } : {}),
        });
        tlsSocket.once('connect', () => {
          tcpConnected = true;
        });
        tlsSocket.once('secureConnect', () => {
          try {
            succeed(tlsSocket, checkPeerCertificate(tlsSocket, pinned));
          } catch (err) {
            fail(err instanceof RosError ? err : new RosTlsError('handshake', { detail: String(err), cause: err }));
          }
        });
        socket = tlsSocket;
      } else {
        const tcpSocket = net.connect({ host: opts.host, port: opts.port });
        tcpSocket.once('connect', () => {
          tcpConnected = true;
          succeed(tcpSocket, null);
        });
        socket = tcpSocket;
      }
    } catch (err) {
      // net.connect throws synchronously on invalid options (e.g. a port out of range).
      settled = true;
      clearTimeout(timer);
      reject(toConnectionError(err));
      return;
    }
    // Never removed: a late 'error' after we gave up must not become an uncaught exception.
    socket.on('error', (err) => fail(tlsErrorFrom(err) ?? toConnectionError(err)));
    socket.once('close', onClose);
  });
}
