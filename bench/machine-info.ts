import { cpus, loadavg, totalmem } from 'node:os';

/** What a result is only comparable with: the machine, Node, and how busy the machine was around the run. */
export interface MachineInfo {
  node: string;
  cpuCount: number;
  cpuModel: string;
  memoryGiB: number;
  /** The 1-minute load average when the run started and when it ended (other work on the machine shows here). */
  loadAtStart: number;
  loadAtEnd: number;
}

/** The machine as the run starts; `finish` adds the load at the end. */
export function startMachineInfo(): { finish: () => MachineInfo } {
  const processors = cpus();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  return {
    finish: () => ({
      node: process.version,
      cpuCount: processors.length,
      cpuModel: processors[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      loadAtStart,
      loadAtEnd: loadavg()[0] ?? Number.NaN,
    }),
  };
}

/** One line for the table and the Markdown output: "Node v20.20.2, 2 CPUs (AMD EPYC 7B13), 23.5 GiB; load 1.52 at the start, 1.80 at the end". */
export function describeMachine(machine: MachineInfo): string {
  return `Node ${machine.node}, ${machine.cpuCount} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB; 1-minute load ${machine.loadAtStart.toFixed(2)} at the start, ${machine.loadAtEnd.toFixed(2)} at the end`;
}
