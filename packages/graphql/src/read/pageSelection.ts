import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql'

/** The fields an operation selects on the nodes of a connection, and under each of them one level down. */
export interface NodeSelection {
  /** The node's fields by name (`__typename` left out). */
  readonly fields: ReadonlySet<string>
  /** The fields selected under a node field (`owner { name }` → `owner`: {name}); empty for a scalar. */
  readonly under: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * The fields a connection query selects on its nodes (`edges { node { … } }` and `nodes { … }`),
 * through inline fragments and fragment spreads, merged over every occurrence (aliases included).
 * Fields under `@skip`/`@include` are counted as selected (a superset is safe for choosing columns).
 */
export function selectedNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): NodeSelection {
  // A pure function of the document: the parsed documents are cached, so the same field node
  // (with the same fragments) comes back on every request of an operation.
  const only = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined
  if (only === undefined) return collectNodeFields(info)
  let selection = selections.get(only)
  if (selection === undefined) selections.set(only, (selection = collectNodeFields(info)))
  return selection
}

const selections = new WeakMap<FieldNode, NodeSelection>()

function collectNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): NodeSelection {
  const fields = new Set<string>()
  const under = new Map<string, Set<string>>()
  const collect = (selectionSet: SelectionSetNode | undefined): void => {
    for (const field of fieldsOf(selectionSet, info.fragments)) {
      const name = field.name.value
      if (name === '__typename') continue
      fields.add(name)
      let nested = under.get(name)
      if (nested === undefined) under.set(name, (nested = new Set()))
      for (const child of fieldsOf(field.selectionSet, info.fragments)) if (child.name.value !== '__typename') nested.add(child.name.value)
    }
  }
  for (const field of info.fieldNodes) {
    for (const connectionField of fieldsOf(field.selectionSet, info.fragments)) {
      if (connectionField.name.value === 'nodes') collect(connectionField.selectionSet)
      if (connectionField.name.value !== 'edges') continue
      for (const edgeField of fieldsOf(connectionField.selectionSet, info.fragments)) if (edgeField.name.value === 'node') collect(edgeField.selectionSet)
    }
  }
  return { fields, under }
}

function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, depth = 0): FieldNode[] {
  if (selectionSet === undefined || depth > 20) return []
  const out: FieldNode[] = []
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') out.push(selection)
    else if (selection.kind === 'InlineFragment') out.push(...fieldsOf(selection.selectionSet, fragments, depth + 1))
    else {
      const fragment = fragments[selection.name.value]
      if (fragment !== undefined) out.push(...fieldsOf(fragment.selectionSet, fragments, depth + 1))
    }
  }
  return out
}
