/** Hardware facts per RouterBOARD model, for /system/resource and /system/routerboard. */

export interface BoardProfile {
  architecture: string;
  cpu: string;
  cpuCount: number;
  cpuFrequency: number;
  totalMemory: number;
  totalHdd: number;
  ports: number;
  routerboard: boolean;
  firmwareType: string;
}

const BOARDS: Record<string, BoardProfile> = {
  'RB4011iGS+': { architecture: 'arm', cpu: 'ARMv7', cpuCount: 4, cpuFrequency: 1400, totalMemory: 1024 * 1024 * 1024, totalHdd: 512 * 1024 * 1024, ports: 10, routerboard: true, firmwareType: 'al2' },
  'CCR2004-16G-2S+': { architecture: 'arm64', cpu: 'ARM64', cpuCount: 4, cpuFrequency: 1700, totalMemory: 4 * 1024 * 1024 * 1024, totalHdd: 128 * 1024 * 1024, ports: 16, routerboard: true, firmwareType: 'al64v3' },
  'RB750Gr3': { architecture: 'mmips', cpu: 'MIPS 1004Kc V2.15', cpuCount: 4, cpuFrequency: 880, totalMemory: 256 * 1024 * 1024, totalHdd: 16 * 1024 * 1024, ports: 5, routerboard: true, firmwareType: 'mt7621L' },
  'CHR': { architecture: 'x86_64', cpu: 'Intel(R)', cpuCount: 2, cpuFrequency: 2400, totalMemory: 1024 * 1024 * 1024, totalHdd: 128 * 1024 * 1024, ports: 5, routerboard: false, firmwareType: 'chr' },
};

export function boardProfile(name: string): BoardProfile {
  return BOARDS[name] ?? BOARDS['RB4011iGS+']!;
}
