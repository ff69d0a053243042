import type { CallbackManagerForRetrieverRun } from "@langchain/core/callbacks/manager";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { SearchHit, SearchOptions } from "./clauseSearch.js";

/** Metadata on every Document the retriever returns. */
export interface ClauseDocumentMetadata {
  clauseId: string;
  policyId: string;
  title: string;
  /** The clause's heading numbers, e.g. ["三", "(三)", "3"]. */
  path: string[];
  score: number;
}

/** Turns a hit into the LangChain Document the retriever returns. */
export function hitToDocument(hit: SearchHit): Document<ClauseDocumentMetadata> {
  return new Document({
    id: hit.clause.id,
    pageContent: hit.clause.text,
    metadata: { clauseId: hit.clause.id, policyId: hit.clause.policyId, title: hit.clause.title, path: hit.clause.path, score: hit.score },
  });
}

export interface HybridRetrieverInput extends BaseRetrieverInput, SearchOptions {
  /** What to search: a KnowledgeBase, or a bare ClauseSearch. */
  search: { searchAsync(query: string, options?: SearchOptions): Promise<SearchHit[]> };
}

/**
 * LangChain retriever over the hybrid clause search: `invoke(query)` returns clause Documents.
 * Kept in its own module so that only callers wanting LangChain load @langchain/core's runtime.
 */
export class HybridRetriever extends BaseRetriever<ClauseDocumentMetadata> {
  override lc_namespace = ["huishang", "knowledge", "retrievers"];

  static override lc_name(): string {
    return "HybridRetriever";
  }

  private readonly clauseSearch: HybridRetrieverInput["search"];
  private readonly options: SearchOptions;

  constructor(fields: HybridRetrieverInput) {
    super(fields);
    this.clauseSearch = fields.search;
    this.options = { policyIds: fields.policyIds, k: fields.k };
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<DocumentInterface<ClauseDocumentMetadata>[]> {
    const hits = await this.clauseSearch.searchAsync(query, this.options);
    return hits.map(hitToDocument);
  }
}
