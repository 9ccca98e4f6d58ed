/**
 * The one import scanner of the test suite: reads the import and export statements of the
 * project's modules (.ts, .tsx, .mjs, and the frontmatter and <script> tags of .astro files) with
 * the TypeScript parser, resolves relative and `#src/` specifiers to files, and answers questions
 * about the resulting graph: which packages a module reaches, which cycles exist, which exports
 * nobody imports. Used by the architecture test, the estimator island's boundary test and the
 * unused-exports script.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** One `import`/`export … from`/`import()` of a module. */
export interface ImportEdge {
  /** The specifier as written: `./gmi.ts`, `#src/domain/engine/index.ts`, `preact/hooks`. */
  spec: string;
  /** The file it names (absolute), or undefined for a package. */
  target: string | undefined;
  /** Names taken from the target (`default` for a default import); `*` for a namespace or `export *`. */
  names: string[];
  /** `import type …`, or every named binding is `type …`: erased when compiled. */
  typeOnly: boolean;
  kind: 'import' | 're-export' | 'dynamic' | 'side-effect';
}

/** What a module exports by itself, and what it passes on from others. */
export interface ModuleExports {
  /** Names declared and exported here (`export function f`, `export { a }`, `export default`). */
  own: string[];
  /** `export { a as b } from './x.ts'`: exported name → [target, name there]. */
  renamed: Map<string, [string | undefined, string]>;
  /** `export * from './x.ts'`: the targets. */
  star: (string | undefined)[];
}

export interface ModuleInfo {
  file: string;
  imports: ImportEdge[];
  exports: ModuleExports;
}

const SOURCE = /\.(ts|tsx|mjs|js|astro)$/;

/** Every source file under the given folders (relative to the root), sorted. */
export function sourceFiles(...dirs: string[]): string[] {
  const walk = (abs: string): string[] => {
    if (!existsSync(abs)) throw new Error(`no such folder: ${relative(ROOT, abs)}`);
    return readdirSync(abs).flatMap((name) => {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) return walk(p);
      return SOURCE.test(name) && !name.endsWith('.d.ts') ? [p] : [];
    });
  };
  return dirs.flatMap((d) => walk(join(ROOT, d))).sort();
}

/** The script parts of an .astro file: its frontmatter and the bodies of its <script> tags. */
export function astroScripts(source: string): string {
  const parts: string[] = [];
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (front) parts.push(front[1]!);
  for (const m of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n;\n');
}

/** The file a specifier names, or undefined for a package. Throws when a local file is missing. */
export function resolveSpecifier(fromFile: string, spec: string): string | undefined {
  const clean = spec.replace(/\?.*$/, '');
  let target: string;
  if (clean.startsWith('#src/')) target = join(ROOT, 'src', clean.slice('#src/'.length));
  else if (clean.startsWith('./') || clean.startsWith('../')) target = resolve(dirname(fromFile), clean);
  else return undefined;
  if (!existsSync(target)) throw new Error(`${relative(ROOT, fromFile)}: cannot resolve ${spec}`);
  return target;
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/**
 * Parses the import and export statements of one module's source text. `resolveSpec` turns a
 * specifier into a file (default: resolveSpecifier from this file).
 */
export function scanSource(
  file: string,
  text: string,
  resolveSpec: (spec: string) => string | undefined = (spec) => resolveSpecifier(file, spec),
): ModuleInfo {
  const code = file.endsWith('.astro') ? astroScripts(text) : text;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, kind);
  const imports: ImportEdge[] = [];
  const exports: ModuleExports = { own: [], renamed: new Map(), star: [] };
  const target = resolveSpec;

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (!clause) {
        imports.push({ spec, target: target(spec), names: [], typeOnly: false, kind: 'side-effect' });
        continue;
      }
      const names: string[] = [];
      let allTypes = clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
      let anyValue = false;
      if (clause.name) {
        names.push('default');
        anyValue = true;
      }
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) {
        names.push('*');
        anyValue = true;
      } else if (nb) {
        for (const el of nb.elements) {
          names.push((el.propertyName ?? el.name).text);
          if (!el.isTypeOnly) anyValue = true;
        }
        if (nb.elements.length === 0) anyValue = true;
      }
      if (!anyValue) allTypes = true;
      imports.push({ spec, target: target(spec), names, typeOnly: allTypes, kind: 'import' });
    } else if (ts.isExportDeclaration(st)) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const clause = st.exportClause;
      if (spec !== undefined) {
        const t = target(spec);
        if (!clause) {
          exports.star.push(t);
          imports.push({ spec, target: t, names: ['*'], typeOnly: st.isTypeOnly, kind: 're-export' });
        } else if (ts.isNamespaceExport(clause)) {
          exports.own.push(clause.name.text);
          imports.push({ spec, target: t, names: ['*'], typeOnly: st.isTypeOnly, kind: 're-export' });
        } else {
          const names = clause.elements.map((el) => (el.propertyName ?? el.name).text);
          for (const el of clause.elements) exports.renamed.set(el.name.text, [t, (el.propertyName ?? el.name).text]);
          const typeOnly = st.isTypeOnly || clause.elements.every((el) => el.isTypeOnly);
          imports.push({ spec, target: t, names, typeOnly, kind: 're-export' });
        }
      } else if (clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements) exports.own.push(el.name.text);
      }
    } else if (ts.isExportAssignment(st)) {
      exports.own.push('default');
    } else if (hasExport(st)) {
      if (hasDefault(st)) exports.own.push('default');
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) exports.own.push(d.name.text);
      } else if (
        (ts.isFunctionDeclaration(st) ||
          ts.isClassDeclaration(st) ||
          ts.isInterfaceDeclaration(st) ||
          ts.isTypeAliasDeclaration(st) ||
          ts.isEnumDeclaration(st)) &&
        st.name
      )
        exports.own.push(st.name.text);
    }
  }

  // Dynamic `import('…')` anywhere in the module.
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const spec = node.arguments[0].text;
      imports.push({ spec, target: target(spec), names: ['*'], typeOnly: false, kind: 'dynamic' });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      // `import('./x.ts').T` in a type position.
      const spec = node.argument.literal.text;
      const name = node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*';
      imports.push({ spec, target: target(spec), names: [name], typeOnly: true, kind: 'dynamic' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file, imports, exports };
}

/** Reads and scans one module. */
export function scanFile(file: string): ModuleInfo {
  return scanSource(file, readFileSync(file, 'utf8'));
}

/** Scans every module under the folders; the map is keyed by absolute path. */
export function scanTree(...dirs: string[]): Map<string, ModuleInfo> {
  return new Map(sourceFiles(...dirs).map((f) => [f, scanFile(f)]));
}

/** A path relative to the root, with forward slashes. */
export const rel = (file: string) => relative(ROOT, file).split('\\').join('/');

export interface GraphOptions {
  /** Follow `import type` edges too (default true: a type import still ties two modules together). */
  types?: boolean;
}

/** Edges between local files: file → files it imports. */
export function localEdges(modules: Map<string, ModuleInfo>, opts: GraphOptions = {}): Map<string, string[]> {
  const types = opts.types ?? true;
  const out = new Map<string, string[]>();
  for (const [file, m] of modules) {
    const targets = m.imports
      .filter((e) => e.target !== undefined && (types || !e.typeOnly))
      .map((e) => e.target!)
      .filter((t) => modules.has(t));
    out.set(file, [...new Set(targets)]);
  }
  return out;
}

/**
 * Every module reachable from an entry (the entry included) and the packages they import.
 * Files outside the scanned set are scanned on the way.
 */
export function reachable(entry: string, opts: GraphOptions = {}): { files: string[]; packages: string[] } {
  const types = opts.types ?? true;
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const e of scanFile(file).imports) {
      if (e.typeOnly && !types) continue;
      if (e.target) visit(e.target);
      else packages.add(e.spec);
    }
  };
  visit(resolve(ROOT, entry));
  return { files: [...files].map(rel).sort(), packages: [...packages].sort() };
}

/**
 * The import cycles: one per strongly connected component of more than one module (or a module
 * importing itself), each as a path `a → b → … → a` of root-relative names, starting at the
 * alphabetically first module.
 */
export function findCycles(edges: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      components.push(comp);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) strong(v);

  const cycles: string[][] = [];
  for (const comp of components) {
    const members = new Set(comp);
    const start = [...comp].sort()[0]!;
    if (comp.length === 1 && !(edges.get(start) ?? []).includes(start)) continue;
    // Shortest way back to the start inside the component (breadth-first), for a readable message.
    const prev = new Map<string, string>();
    const queue = [start];
    let found = false;
    while (queue.length && !found) {
      const v = queue.shift()!;
      for (const w of [...(edges.get(v) ?? [])].sort()) {
        if (!members.has(w)) continue;
        if (w === start) {
          prev.set(start, v);
          found = true;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = prev.get(start)!; v !== start; v = prev.get(v)!) path.unshift(v);
    path.unshift(start);
    cycles.push(path.map(rel));
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Exports nobody imports: `file: name` for each name a module under `ownersIn` exports that no
 * module in `modules` imports (directly or through `export *` / `export { … } from`). Modules
 * whose exports a framework reads (Astro pages and components, config files) are left out by the
 * caller through `ownersIn`.
 */
export function unusedExports(modules: Map<string, ModuleInfo>, ownersIn: (file: string) => boolean): string[] {
  const used = new Set<string>();
  const mark = (file: string | undefined, name: string, seen = new Set<string>()) => {
    if (!file) return;
    const key = `${file}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const m = modules.get(file);
    if (!m) return;
    if (name === '*') {
      for (const n of m.exports.own) used.add(`${file}\0${n}`);
      for (const [n, [t, orig]] of m.exports.renamed) {
        used.add(`${file}\0${n}`);
        mark(t, orig, seen);
      }
      for (const t of m.exports.star) mark(t, '*', seen);
      return;
    }
    if (m.exports.own.includes(name)) {
      used.add(key);
      return;
    }
    const r = m.exports.renamed.get(name);
    if (r) {
      used.add(key);
      mark(r[0], r[1], seen);
      return;
    }
    for (const t of m.exports.star) mark(t, name, seen);
  };
  for (const m of modules.values())
    for (const e of m.imports) {
      if (e.kind === 're-export') continue; // counted when the re-exporting module's name is used
      for (const n of e.names) mark(e.target, n);
    }
  const out: string[] = [];
  for (const [file, m] of modules) {
    if (!ownersIn(file)) continue;
    for (const n of [...m.exports.own, ...m.exports.renamed.keys()])
      if (!used.has(`${file}\0${n}`)) out.push(`${rel(file)}: ${n}`);
  }
  return out.sort();
}
