/** Parses and checks src/data/national/parameters.yaml (pure; errors name the file and field). */
import { DATED_PARAMETERS } from '../domain/schemas/vocabulary.ts';
import { nationalParametersSchema, type NationalParameters, type Sources } from '../domain/schemas/index.ts';
import { DataError, parseFile, type RawFile } from './build-catalogue.ts';

export function buildParameters(file: RawFile, sources?: Sources): NationalParameters {
  const p = parseFile(file.path, file.text, nationalParametersSchema);
  const problems: string[] = [];
  for (const name of DATED_PARAMETERS) {
    const entries: { from: string; to?: string | undefined; sources: string[] }[] = p[name];
    const sorted = [...entries].sort((a, b) => a.from.localeCompare(b.from));
    sorted.forEach((e, i) => {
      if (e.to !== undefined && e.to < e.from) problems.push(`${name} from ${e.from}: "to" is before "from"`);
      const next = sorted[i + 1];
      if (next && (e.to === undefined || e.to >= next.from))
        problems.push(`${name} from ${e.from}: overlaps the entry from ${next.from}`);
      if (sources)
        for (const s of e.sources)
          if (s.startsWith('S') && !sources[s])
            problems.push(`${name} from ${e.from}: source ${s} is not in sources.yaml`);
    });
  }
  if (problems.length) throw new DataError(file.path, problems);
  return p;
}
