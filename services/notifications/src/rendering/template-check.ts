import Handlebars from 'handlebars';
import type { VariableShape } from './message-kinds';

type Node = hbs.AST.Node;

const BLOCK_HELPERS = new Set(['if', 'unless', 'each']);

/**
 * Checks a template before it is used: it must parse, use only the known variables and the
 * built-in `if`/`unless`/`each` blocks, and insert nothing unescaped except `unescaped` names.
 * Answers the problems found (empty when the template is acceptable).
 */
export function checkTemplate(
  source: string,
  variables: VariableShape,
  unescaped: readonly string[] = [],
): string[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    return [`does not compile: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];

  const checkPath = (
    path: hbs.AST.PathExpression,
    scopes: VariableShape[],
  ): VariableShape | true | undefined => {
    if (path.data) return true; // @index, @first, …
    const scope = scopes[scopes.length - 1 - path.depth];
    if (scope === undefined) {
      problems.push(`"${path.original}" reaches outside the template`);
      return undefined;
    }
    let found: VariableShape | true = scope;
    for (const part of path.parts) {
      const next: VariableShape | true | undefined =
        found === true ? undefined : Object.hasOwn(found, part) ? found[part] : undefined;
      if (next === undefined) {
        problems.push(`unknown variable "${path.original}"`);
        return undefined;
      }
      found = next;
    }
    return found;
  };

  const visit = (node: Node, scopes: VariableShape[]): void => {
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement, scopes);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.params.length > 0 || mustache.path.type !== 'PathExpression') {
          problems.push('helpers are not available in templates');
          return;
        }
        const path = mustache.path as hbs.AST.PathExpression;
        if (!mustache.escaped && !unescaped.includes(path.original))
          problems.push(`"${path.original}" is inserted unescaped; use {{ }}, never {{{ }}}`);
        checkPath(path, scopes);
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const helper = block.path.original;
        const [subject] = block.params;
        if (
          !BLOCK_HELPERS.has(helper) ||
          block.params.length !== 1 ||
          subject?.type !== 'PathExpression'
        ) {
          problems.push(
            `only {{#if x}}, {{#unless x}} and {{#each x}} blocks are available, not "${helper}"`,
          );
          return;
        }
        const found = checkPath(subject as hbs.AST.PathExpression, scopes);
        const inner =
          helper === 'each' && found !== undefined && found !== true ? [...scopes, found] : scopes;
        if (helper === 'each' && found === true)
          problems.push(`"${(subject as hbs.AST.PathExpression).original}" is not a list`);
        if (block.program) visit(block.program, inner);
        if (block.inverse) visit(block.inverse, scopes);
        return;
      }
      default:
        problems.push(`${node.type} is not available in templates`);
    }
  };

  visit(program, [variables]);
  return problems;
}
