/** A well-known public dataset or benchmark the built-in extractor and the resolver recognise by name. */
import type { DatasetKind, Domain } from '../domain/vocabulary.js';

export interface KnownDataset {
  /** Canonical id: the Hugging Face `org/name` where the dataset lives on the hub, else a stable slug. */
  id: string;
  /** The name people write in papers and cards. */
  name: string;
  /**
   * Other spellings that unambiguously mean this dataset (HF ids of mirrors, short names, old names).
   * Matching ignores case, spaces, hyphens and underscores, except for aliases listed in `exactCase`.
   */
  aliases: string[];
  /** Aliases that are also ordinary words or too short ("MATH", "ARC", "RACE"): matched with exact case only. */
  exactCase?: string[];
  kind: DatasetKind;
  domains: Domain[];
  /** Release year, when well known. */
  year?: number;
}
