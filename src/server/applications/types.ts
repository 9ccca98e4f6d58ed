/** Types of one accepted application, for the mail, PDF and JSON builders (types only). */
import type { FormDef, Values } from '#src/domain/forms/types.ts';
import type { FileKind } from '#src/domain/forms/files.ts';
import type { CatalogueItem } from '#src/domain/schemas/catalogue.ts';
import type { Municipality } from '#src/domain/schemas/municipality.ts';
import type { Locale } from '#src/i18n/index.ts';

export interface Upload {
  /** Our file name in the outbox (`attachment-1.pdf`). */
  file: string;
  /** Safe display name (resident's name, cleaned, extension from the content). */
  filename: string;
  kind: FileKind;
  contentType: string;
  content: Uint8Array;
}

export interface Submission {
  reference: string;
  municipality: Municipality;
  item?: CatalogueItem;
  def: FormDef;
  /** Normalized answers (validated). */
  values: Values;
  /** The language the resident used the portal in. */
  uiLocale: Locale;
  submittedAt: Date;
  uploads: Upload[];
}
