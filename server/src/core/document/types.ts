/** Plain step metadata, as `j1-integration document` sees it after running the integration's code. */
export interface DocEntity {
  resourceName: string;
  _type: string;
  _class: string | string[];
}

export interface DocRelationship {
  _type: string;
  _class: string;
  sourceType: string;
  targetType: string;
}

export interface DocMappedRelationship extends DocRelationship {
  direction: string;
}

export interface DocStep {
  id: string;
  dependsOn: string[];
  entities: DocEntity[];
  relationships: DocRelationship[];
  mappedRelationships: DocMappedRelationship[];
}
