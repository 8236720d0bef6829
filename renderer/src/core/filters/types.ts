export interface FiltersState {
  hiddenDomains: string[];
  hiddenRelations: string[];
  statuses: string[];
  minConfidence: number;
  /** Datasets with no release date always pass the year filter. */
  yearFrom: number | null;
  yearTo: number | null;
}
