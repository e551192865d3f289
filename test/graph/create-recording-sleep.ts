/** A sleep that records each wait (ms) and returns at once, so retries are deterministic and fast. */
export function createRecordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}
