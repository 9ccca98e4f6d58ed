export * from './common.ts';
export * from './catalogue.ts';
export * from './municipality.ts';
export * from './sources.ts';
export * from './parameters.ts';
export * from './household.ts';
