import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

/** Full garbage collection, so heap figures show what is retained rather than garbage. */
export function fullGc(): void {
  collect();
  collect();
}

export const heapUsedMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
