export * from './locales.ts';
export * from './format.ts';
export * from './i18n.ts';
export * from './paths.ts';
