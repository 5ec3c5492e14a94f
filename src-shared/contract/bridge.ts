/**
 * What the renderer talks to main through. Two implementations are installed the same way, as
 * `window.ispDesk`: the Electron preload (IPC) and, in a plain browser, the HTTP + SSE twin. Renderer code
 * never knows which one it has.
 */
export interface IspDeskBridge {
  /**
   * Calls a contract channel as the session `token` (null for public channels). Resolves with main's
   * envelope (anything else is the caller's to reject); rejects only when the bridge itself broke.
   */
  invoke(channel: string, input: unknown, token: string | null): Promise<unknown>;
  /**
   * Listens to a contract event pushed to the session `token`, and only to it. `onGone` runs once when
   * main no longer knows that session (it ended, or main restarted). Returns the unsubscribe.
   */
  on(event: string, token: string, handler: (payload: unknown) => void, onGone?: () => void): () => void;
  /**
   * Lets the user pick a file for an upload purpose and hands it to main (Electron: native dialog in main;
   * browser: a file chooser streamed to `POST /upload`). Resolves with an envelope whose data is the
   * upload reference, or null when the user cancelled.
   */
  pickFile(purpose: string, token: string | null): Promise<unknown>;
  /** Saves a file main offered as a download (Electron: save dialog; browser: the browser's download). */
  saveFile(downloadId: string, fileName: string, token: string | null): Promise<unknown>;
  /**
   * Printing straight to a printer the user picks, where the host can (the Electron app). Absent in a plain
   * browser, which opens the PDF instead: the renderer checks this capability, never the transport.
   */
  print?: PrintCapability;
}

export interface PrinterChoice {
  /** The name the OS knows the printer by (what `printPdf` takes). */
  name: string;
  displayName: string;
}

export interface PrintCapability {
  /** Resolves with an envelope whose data is the printers this computer has (PrinterChoice[]). */
  printers(): Promise<unknown>;
  /**
   * Prints a PDF (base64, as a document channel returned it) on `printer`, or through the system print
   * dialog when null. Resolves with an envelope whose data is `{ printed: boolean }`.
   */
  printPdf(pdfBase64: string, printer: string | null): Promise<unknown>;
}
