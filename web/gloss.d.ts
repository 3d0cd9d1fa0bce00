// Type declarations for Gloss in the browser: the `Gloss` global defined by gloss-embed.js.
// See web/README.md for the calls the demo pages make, and docs/json-format.md for the gloss/1 JSON.

/** A span of the input: UTF-8 byte offsets (start, end) and UTF-16 code-unit offsets (start16, end16:
 *  JavaScript string indexes into the text given to annotate()). End exclusive. */
export interface GlossSpan {
  start: number;
  end: number;
  start16: number;
  end16: number;
  text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'PRODUCT' | 'DATE' | 'TIME'
  | 'MONEY' | 'PERCENT';

export interface GlossEntity extends GlossSpan {
  field: string; // "title", "body" or "related:N"
  type: EntityType;
  canonical: string;
  group: number;
  value?: string;
  rule: string;
}

export interface GlossQuote extends GlossSpan {
  field: string;
  kind: 'direct' | 'indirect' | 'mixed' | 'scare';
  content: GlossSpan[];
  speaker: GlossSpan | null;
  resolved_speaker: string | null;
  cue: GlossSpan | null;
  method: string;
  rule: string;
}

/** The gloss/1 JSON object (docs/json-format.md). */
export interface GlossDocument {
  schema: 'gloss/1';
  format: 'dump' | 'json' | 'text';
  title: (GlossSpan & { printings: GlossSpan[] }) | null;
  published: (GlossSpan & { value: string | null }) | null;
  source: GlossSpan | null;
  paragraphs: GlossSpan[];
  sentences: GlossSpan[];
  captions: GlossSpan[];
  related: Array<{ start: number; end: number; start16: number; end16: number; id: string; sort: string;
    contenttypeid: string; pic: string; title: GlossSpan | null }>;
  entities: GlossEntity[];
  quotes: GlossQuote[];
  warnings: Array<{ code: string; message: string; offset: number; offset16: number }>;
}

/** W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): positions in code points. */
export interface W3CAnnotationPage {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationPage';
  partOf: { type: 'AnnotationCollection'; label: string; total: number };
  startIndex: 0;
  items: Array<{
    id: string;
    type: 'Annotation';
    motivation: 'identifying' | 'classifying';
    body: Array<{ type: 'TextualBody'; purpose: string; value: string }>;
    target: {
      source: string;
      selector: [
        { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
        { type: 'TextPositionSelector'; start: number; end: number },
      ];
    };
  }>;
}

/** spaCy displaCy's manual "ent" format: one entry per non-empty field, offsets in code points. */
export type DisplacyDocs = Array<{ text: string; ents: Array<{ start: number; end: number; label: EntityType }>; title: string }>;

export interface SelectEvent {
  kind: 'entity' | 'quote';
  /** Index into document.entities / document.quotes; -1 when the selection was cleared. */
  index: number;
  entity?: GlossEntity | null;
  quote?: GlossQuote | null;
  /** Where it came from: the canvas ('panel'), the accessible list ('list') or select() ('api'). */
  source: 'panel' | 'list' | 'api';
}

export interface PanelHandle {
  /** The gloss/1 document shown (from the same core as the panel). */
  readonly document: GlossDocument | null;
  /** True when the panel could not use WebGL2 and shows the accessible lists only. */
  readonly fallback: boolean;
  /** Frames drawn so far (the panel draws only after input, a resize or new text). */
  readonly frames: number;
  /** Shows new text (dump, JSON article or plain text). Throws an Error with the core's message on bad
   *  input; the panel then keeps its previous text. */
  setText(text: string): void;
  /** Selects entity/quote `index` (-1: none), as a click in the list does; fires 'select'. */
  select(kind: 'entity' | 'quote', index: number): void;
  on(event: 'select', listener: (event: SelectEvent) => void): () => void;
  on(event: 'ready', listener: (event: { frames: number; fallback?: boolean }) => void): () => void;
  on(event: 'error', listener: (event: { message: string }) => void): () => void;
  off(event: string, listener: (...args: any[]) => void): void;
  /** Where entity mention `index` was drawn in the last frame, CSS pixels relative to the canvas. */
  entityRect(index: number): { x: number; y: number; width: number; height: number } | null;
  /** Removes the panel, its canvas and WebGL context, and its listeners. */
  destroy(): void;
}

export interface GlossApi {
  readonly version: 'gloss/1';
  /** True when the browser has WebGL2 (else mount() shows lists, the embed marks the page's text). */
  readonly webgl2: boolean;
  /** Annotates `text`: the gloss/1 object. Throws an Error with the core's message when a limit is
   *  broken (e.g. more than 32 MiB); the module stays usable. Bytes are annotated as they are (invalid
   *  UTF-8 included, as the CLI does); start16/end16 then count each invalid byte as one unit. */
  annotate(text: string | Uint8Array | ArrayBuffer): GlossDocument;
  /** The same as JSON text, in any export format; byte-identical to `gloss annotate --format=…`. */
  annotateJson(text: string | Uint8Array | ArrayBuffer, options?: { format?: 'gloss' | 'w3c' | 'displacy'; source?: string; pretty?: boolean }): string;
  /** W3C Web Annotation JSON-LD; `source` is the target IRI (e.g. the article's URL). */
  toW3C(text: string | Uint8Array | ArrayBuffer, options?: { source?: string }): W3CAnnotationPage;
  toDisplacy(text: string | Uint8Array | ArrayBuffer): DisplacyDocs;
  /** Mounts the ImGui panel (canvas sized to `element`, at devicePixelRatio) and its accessible lists. */
  mount(element: Element, options: { text: string; mirror?: boolean;
    /** The panel's own side lists: 'auto' (default) shows them when the element is at least 820 CSS px wide. */
    sideLists?: 'auto' | boolean }): PanelHandle;
}

export interface EmbedController {
  readonly handle: PanelHandle | null;
  open(): void;
  close(): void;
  /** Removes the side panel and the marks in the article. */
  destroy(): void;
}

export interface GlossGlobal {
  readonly version: 'gloss/1';
  /** Loads the WebAssembly module (once) next to gloss-embed.js. */
  load(): Promise<GlossApi>;
  /** The automatic side panel (null with data-auto="off", or before the page has loaded). */
  readonly embed: Promise<EmbedController | null> | null;
}

declare global {
  interface Window { Gloss: GlossGlobal }
  const Gloss: GlossGlobal;
}
