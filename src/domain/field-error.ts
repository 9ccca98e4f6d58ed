/**
 * The one shape of a validation error, shared by the estimator, the application forms, the
 * server's answers and the islands that show them:
 *   path   — the field's path as posted (`members.1.personalCode`, `age-0`), or `_form` for the
 *            form as a whole; the page derives the element id and the error id from it;
 *   key    — an i18n key in the namespace of the part that shows it (`forms` for application
 *            forms, `estimator` for the estimator), e.g. `error.personalCode.checksum`;
 *   params — interpolation values for that key (`{ max: 500 }`), when it has any.
 */
export interface FieldError {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}
