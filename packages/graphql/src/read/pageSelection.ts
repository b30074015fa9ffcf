import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql'

/**
 * The names of the fields a connection query selects on its nodes (`edges { node { … } }` and
 * `nodes { … }`), through inline fragments and fragment spreads; `__typename` is left out. Fields
 * under `@skip`/`@include` are counted as selected (a superset is safe for choosing columns).
 */
export function selectedNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const fields = new Set<string>()
  for (const field of info.fieldNodes) {
    for (const connectionField of fieldsOf(field.selectionSet, info.fragments)) {
      if (connectionField.name.value === 'nodes') collect(connectionField.selectionSet, info.fragments, fields)
      if (connectionField.name.value !== 'edges') continue
      for (const edgeField of fieldsOf(connectionField.selectionSet, info.fragments)) if (edgeField.name.value === 'node') collect(edgeField.selectionSet, info.fragments, fields)
    }
  }
  return fields
}

function collect(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: Set<string>): void {
  for (const field of fieldsOf(selectionSet, fragments)) if (field.name.value !== '__typename') into.add(field.name.value)
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
