/** The 50 functions of BFCL's executable library (bfcl-spec.md §7.4) as one registry. */
import { calculusFunctions } from './lib/calculus.js';
import { financeFunctions } from './lib/finance.js';
import { geometryFunctions } from './lib/geometry.js';
import { mathFunctions } from './lib/math.js';
import { networkFunctions } from './lib/network.js';
import { orderFunctions } from './lib/orders.js';
import { statisticsFunctions } from './lib/statistics.js';
import { Registry, type ExecFunction } from './registry.js';

export const BFCL_FUNCTIONS: readonly ExecFunction[] = [
  ...mathFunctions,
  ...geometryFunctions,
  ...statisticsFunctions,
  ...financeFunctions,
  ...orderFunctions,
  ...calculusFunctions,
  ...networkFunctions,
];

/** A fresh registry with BFCL's executable library. */
export function bfclRegistry(): Registry {
  return new Registry(BFCL_FUNCTIONS);
}

/** Names of the library functions that call web APIs. */
export const NETWORK_FUNCTION_NAMES: ReadonlySet<string> = new Set(networkFunctions.map((f) => f.name));

export { LIBRARY_HOSTS } from './lib/network.js';
