// The reference of the view-model (what report templates receive), made from the types in
// src/render/view-model.ts with the TypeScript checker: ReportView and every named type it reaches,
// one table each, fields in declaration order with their type and comment. templates/README.md holds
// it between two markers; test/render/view-model-doc.test.ts keeps the two the same.
import { join } from 'node:path';
import ts from 'typescript';

export const VIEW_MODEL = join(import.meta.dirname, '../../src/render/view-model.ts');

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

interface Field {
  name: string;
  type: string;
  note: string;
}

/** JSDoc, else the `// …` comment after the field on its line. */
function noteOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();
  if (doc !== '') return doc;
  const decl = symbol.declarations?.[0];
  if (decl === undefined) return '';
  const text = decl.getSourceFile().text;
  const lineEnd = text.indexOf('\n', decl.end);
  const rest = text.slice(decl.end, lineEnd < 0 ? undefined : lineEnd);
  const comment = /^\s*;?\s*\/\/\s*(.*)$/.exec(rest); // its own comment, not a later field's on the same line
  return comment ? comment[1].trim() : '';
}

/** Named object types (interfaces) in a type, generic ones by their own name. */
function namedIn(type: ts.Type, checker: ts.TypeChecker): ts.Type[] {
  if (type.isUnion()) return type.types.flatMap((t) => namedIn(t, checker));
  if (checker.isArrayType(type)) return namedIn(checker.getTypeArguments(type as ts.TypeReference)[0], checker);
  const out: ts.Type[] = [];
  if (type.getFlags() & ts.TypeFlags.Object && type.symbol?.flags & ts.SymbolFlags.Interface) {
    const ref = type as ts.TypeReference;
    out.push(ref.target ?? type);
    for (const arg of ref.typeArguments ?? []) out.push(...namedIn(arg, checker));
  }
  return out;
}

const isInline = (type: ts.Type) => type.getFlags() & ts.TypeFlags.Object && (type.symbol?.flags ?? 0) & ts.SymbolFlags.TypeLiteral;

/** The fields of an object type; an inline object's fields follow it, named `outer.inner`. */
function fieldsOf(type: ts.Type, checker: ts.TypeChecker, prefix: string, reached: ts.Type[]): Field[] {
  const out: Field[] = [];
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (decl === undefined) continue;
    const t = checker.getTypeOfSymbolAtLocation(prop, decl);
    const name = `${prefix}${prop.getName()}`;
    const inline = isInline(t)
      ? t
      : checker.isArrayType(t) && isInline(checker.getTypeArguments(t as ts.TypeReference)[0])
        ? checker.getTypeArguments(t as ts.TypeReference)[0]
        : null;
    out.push({
      name,
      type: inline === null ? checker.typeToString(t, undefined, FORMAT) : checker.isArrayType(t) ? 'array of objects:' : 'object:',
      note: noteOf(prop, checker),
    });
    if (inline !== null) out.push(...fieldsOf(inline, checker, `${name}${checker.isArrayType(t) ? '[]' : ''}.`, reached));
    else reached.push(...namedIn(t, checker));
  }
  return out;
}

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The Markdown reference, ReportView first, then the other types in the order they are reached. */
export function viewModelDoc(): string {
  const program = ts.createProgram([VIEW_MODEL], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(VIEW_MODEL)!;
  const root = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.getName() === 'ReportView')!;
  const queue: ts.Type[] = [checker.getDeclaredTypeOfSymbol(root)];
  const done = new Set<string>();
  const sections: string[] = [];
  while (queue.length > 0) {
    const type = queue.shift()!;
    const name = checker.typeToString(type, undefined, FORMAT);
    if (done.has(name)) continue;
    done.add(name);
    const reached: ts.Type[] = [];
    const fields = fieldsOf(type, checker, '', reached);
    const doc = noteOf(type.symbol, checker);
    sections.push(
      [
        `### \`${name}\``,
        ...(doc === '' ? [] : ['', doc]),
        '',
        '| field | type | |',
        '| --- | --- | --- |',
        ...fields.map((f) => `| \`${f.name}\` | \`${cell(f.type)}\` | ${cell(f.note)} |`),
      ].join('\n'),
    );
    queue.push(...reached);
  }
  return `${sections.join('\n\n')}\n`;
}
