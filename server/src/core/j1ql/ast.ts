/**
 * The J1QL syntax tree. Every node carries `start`/`end`: UTF-16 offsets into the query string (end exclusive).
 */

export interface J1qlNode {
  start: number;
  end: number;
}

/** `FIND [UNIQUE] selector (THAT ...)* [WHERE ...] [RETURN ...] [ORDER BY ...] [SKIP n] [LIMIT n]` */
export interface J1qlQuery extends J1qlNode {
  kind: 'query';
  unique: boolean;
  find: J1qlEntitySelector;
  traversals: J1qlTraversalStep[];
  where?: J1qlCondition;
  return?: J1qlReturn;
  orderBy?: J1qlOrderBy;
  skip?: J1qlExpression;
  limit?: J1qlExpression;
}

/** What FIND or a THAT step selects: one target or `(A|B|...)`, an optional alias and WITH filter. */
export interface J1qlEntitySelector extends J1qlNode {
  kind: 'selector';
  targets: J1qlEntityTarget[];
  /** True when the targets were written as a parenthesised alternative, `(A|B)`. */
  alternatives: boolean;
  alias?: J1qlIdentifier;
  with?: J1qlCondition;
}

export type J1qlEntityTarget = J1qlEntityName | J1qlAnyEntity | J1qlSmartClass | J1qlFullText | J1qlPlaceholder;

/** `aws_instance` (a `_type`, snake_case) or `Host` (a `_class`, TitleCase). */
export interface J1qlEntityName extends J1qlNode {
  kind: 'entity';
  name: string;
  entityKind: 'type' | 'class';
}

/** `*` */
export interface J1qlAnyEntity extends J1qlNode {
  kind: 'any';
}

/** `#CriticalAsset` (name without the `#`). */
export interface J1qlSmartClass extends J1qlNode {
  kind: 'smartClass';
  name: string;
}

/** `FIND "some text"`: full-text search. */
export interface J1qlFullText extends J1qlNode {
  kind: 'fullText';
  value: string;
}

/** A template placeholder filled in before the query runs: `{{name}}` or `${name}` (not `${ param.x }`). */
export interface J1qlPlaceholder extends J1qlNode {
  kind: 'placeholder';
  /** The text as written, delimiters included. */
  text: string;
}

export type J1qlTraversalStep = J1qlTraversal | J1qlOptionalTraversal;

/** `THAT [!]VERB [>>|<<] [AS alias] selector` or `THAT [!](VERB|VERB) ...`. */
export interface J1qlTraversal extends J1qlNode {
  kind: 'traversal';
  negated: boolean;
  verbs: J1qlVerb[];
  direction?: '>>' | '<<';
  relationshipAlias?: J1qlIdentifier;
  relationshipWith?: J1qlCondition;
  target: J1qlEntitySelector;
}

/** `(THAT ... [THAT ...])?` */
export interface J1qlOptionalTraversal extends J1qlNode {
  kind: 'optional';
  traversals: J1qlTraversal[];
}

/** A relationship verb (a relationship `_class`), e.g. `HAS`, `RELATES TO` (name upper-cased, spaces normalised). */
export interface J1qlVerb extends J1qlNode {
  kind: 'verb';
  name: string;
  placeholder?: boolean;
}

export interface J1qlIdentifier extends J1qlNode {
  kind: 'identifier';
  name: string;
  /** True when written as a string, `AS "Display Name"` (RETURN aliases). */
  quoted?: boolean;
}

export type J1qlCondition = J1qlLogical | J1qlConditionGroup | J1qlComparison;

export interface J1qlLogical extends J1qlNode {
  kind: 'logical';
  operator: 'AND' | 'OR';
  left: J1qlCondition;
  right: J1qlCondition;
}

export interface J1qlConditionGroup extends J1qlNode {
  kind: 'conditionGroup';
  condition: J1qlCondition;
}

export type J1qlComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~=' | '^=' | '$=' | '!~=' | '!^=' | '!$=';

export interface J1qlComparison extends J1qlNode {
  kind: 'comparison';
  left: J1qlExpression;
  operator: J1qlComparisonOperator;
  operatorStart: number;
  right: J1qlExpression;
}

export type J1qlExpression =
  | J1qlProperty
  | J1qlString
  | J1qlNumber
  | J1qlBoolean
  | J1qlUndefined
  | J1qlDateNow
  | J1qlDateLiteral
  | J1qlDuration
  | J1qlRegex
  | J1qlValueList
  | J1qlParameter
  | J1qlPlaceholder
  | J1qlCall
  | J1qlMath
  | J1qlUnary
  | J1qlParen
  | J1qlStar;

/** `name`, `a.b.c`, `[tag.x-y]`, `alias.*`; segments as written (brackets removed). */
export interface J1qlProperty extends J1qlNode {
  kind: 'property';
  path: string[];
}

export interface J1qlString extends J1qlNode {
  kind: 'string';
  value: string;
  quote: '"' | "'";
}

export interface J1qlNumber extends J1qlNode {
  kind: 'number';
  value: number;
}

export interface J1qlBoolean extends J1qlNode {
  kind: 'boolean';
  value: boolean;
}

export interface J1qlUndefined extends J1qlNode {
  kind: 'undefined';
}

/** `date.now` */
export interface J1qlDateNow extends J1qlNode {
  kind: 'dateNow';
}

/** `date(2019-10-30)`, `date(1575936000000)`: the text between the parentheses. */
export interface J1qlDateLiteral extends J1qlNode {
  kind: 'date';
  raw: string;
}

/** `7 days`, `1 year`, `7days` */
export interface J1qlDuration extends J1qlNode {
  kind: 'duration';
  amount: number;
  unit: string;
}

/** `/pattern/flags` after a string operator. */
export interface J1qlRegex extends J1qlNode {
  kind: 'regex';
  pattern: string;
  flags: string;
}

/** `('a' OR 'b')`, `('a' AND 'b')` */
export interface J1qlValueList extends J1qlNode {
  kind: 'list';
  operator: 'AND' | 'OR';
  items: J1qlExpression[];
}

/** `${ param.name }`: a saved query parameter. */
export interface J1qlParameter extends J1qlNode {
  kind: 'parameter';
  name: string;
}

/** `COUNT(x)`, `CONCAT(a, ' ', b)`; name upper-cased. */
export interface J1qlCall extends J1qlNode {
  kind: 'call';
  name: string;
  args: J1qlExpression[];
}

export interface J1qlMath extends J1qlNode {
  kind: 'math';
  operator: '+' | '-' | '*' | '/';
  left: J1qlExpression;
  right: J1qlExpression;
}

export interface J1qlUnary extends J1qlNode {
  kind: 'unary';
  operator: '-' | '+';
  operand: J1qlExpression;
}

export interface J1qlParen extends J1qlNode {
  kind: 'paren';
  expression: J1qlExpression;
}

/** `*` as a function argument or return item (`COUNT(*)`). */
export interface J1qlStar extends J1qlNode {
  kind: 'star';
}

export interface J1qlReturn extends J1qlNode {
  kind: 'return';
  tree: boolean;
  items: J1qlReturnItem[];
}

export interface J1qlReturnItem extends J1qlNode {
  kind: 'returnItem';
  expression: J1qlExpression;
  alias?: J1qlIdentifier;
}

export interface J1qlOrderBy extends J1qlNode {
  kind: 'orderBy';
  items: J1qlOrderItem[];
}

export interface J1qlOrderItem extends J1qlNode {
  kind: 'orderItem';
  expression: J1qlExpression;
  direction?: 'ASC' | 'DESC';
}
