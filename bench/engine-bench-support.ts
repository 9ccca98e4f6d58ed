/** Re-exports for engine.bench.ts (keeps its import list short). */
export {
  evaluate,
  parseHousehold,
  type EvaluationContext,
  type Household,
  type HouseholdInput,
} from '#src/domain/engine/index.ts';
export { INCOME_TYPES as INCOME_TYPES_FOR_BENCH } from '#src/domain/schemas/household.ts';
