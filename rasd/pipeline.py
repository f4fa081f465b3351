"""The pipeline: an ordered list of named components run over a ``Doc``.

Each component is a plain callable taking the ``Doc`` and returning it with
its own layer filled in; stages stay usable on their own, and the runner
names the component when one fails so a reject says where it broke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rasd.acquire.model import Document, Rejected
from rasd.arabic.normalize import MATCH_CONFIG, NormalizedText, normalize, renormalize
from rasd.arabic.segment import Sentence, split_sentences
from rasd.arabic.tokens import Token, Tokenizer
from rasd.errors import RasdError, StageError
from rasd.events.extract import EventExtractor, Extraction
from rasd.mentions import MentionFinder
from rasd.mentions.matcher import share_scan
from rasd.mentions.model import Mention
from rasd.text import MainTextExtractor
from rasd.text.model import Article

SAMPLE_LIMIT = 2048


@dataclass
class Doc:
    """One article moving through the pipeline; each stage fills a layer.

    ``norm`` is the matching form of ``article.text`` and maps back to it;
    sentence and token offsets are offsets into ``article.text``.
    """

    document: Document
    article: Article | None = None
    norm: NormalizedText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] | None = None
    extraction: Extraction | None = None
    match: NormalizedText | None = None  # the lexicon-matching form, shared by later stages

    def match_form(self) -> NormalizedText:
        if self.match is None:
            article = self.require_article()
            base = self.norm or article.norm
            if base is not None and base.original == article.text:
                self.match = renormalize(base, MATCH_CONFIG)  # cheaper than anew
            else:
                self.match = normalize(article.text, MATCH_CONFIG)
        return self.match

    def require_article(self) -> Article:
        if self.article is None:
            raise StageError("the main-text stage has not run", source=self.document.label)
        return self.article


Component = Callable[[Doc], Doc]


def main_text_component(extractor: MainTextExtractor) -> Component:
    def main_text(doc: Doc) -> Doc:
        doc.article = extractor(doc.document)
        return doc

    return main_text


def normalize_component(doc: Doc) -> Doc:
    article = doc.require_article()
    doc.norm = article.norm or normalize(article.text)
    return doc


def segment_component(doc: Doc) -> Doc:
    article = doc.require_article()
    doc.sentences = split_sentences(
        article.text, ((b.start, b.end, b.kind != "paragraph") for b in article.blocks)
    )
    return doc


def tokenize_component(tokenizer: Tokenizer) -> Component:
    def tokenize(doc: Doc) -> Doc:
        if doc.norm is None:
            doc.norm = normalize(doc.require_article().text)
        doc.tokens = tokenizer(doc.norm)
        return doc

    return tokenize


def mentions_component(finder: MentionFinder) -> Component:
    def mentions(doc: Doc) -> Doc:
        article = doc.require_article()
        doc.mentions = finder(article.text, article.published or
                              article.provenance.published, norm=doc.match_form())
        return doc

    return mentions


def events_component(extractor: EventExtractor) -> Component:
    def events(doc: Doc) -> Doc:
        article = doc.require_article()
        doc.extraction = extractor(article.text, doc.sentences, article.blocks,
                                   doc.mentions or [], article.published or
                                   article.provenance.published, norm=doc.match_form())
        return doc

    return events


class Pipeline:
    """Runs components in order; failures become ``Rejected`` records."""

    def __init__(self, components: list[tuple[str, Component]]) -> None:
        self.components = components

    @classmethod
    def default(cls, extractor: MainTextExtractor | None = None,
                tokenizer: Tokenizer | None = None,
                mentions: MentionFinder | None = None,
                events: EventExtractor | None = None, tokens: bool = True) -> Pipeline:
        """The text stages, then mentions and events when their stages are given."""
        components: list[tuple[str, Component]] = [
            ("main_text", main_text_component(extractor or MainTextExtractor())),
            ("normalize", normalize_component),
            ("segment", segment_component),
        ]
        if tokens:
            tokenizer = tokenizer or Tokenizer()
            if mentions is not None:
                # Names the lexicons know are peeled from their clitics (لأورينت → ل + أورينت).
                tokenizer = tokenizer.extend(mentions.known_words())
            components.append(("tokenize", tokenize_component(tokenizer)))
        if mentions is not None:
            components.append(("mentions", mentions_component(mentions)))
            if events is not None:
                # Both stages match lexicons on the same matching form: one scan for all.
                share_scan([*mentions.matchers(), *events.lexicon.matchers()])
                components.append(("events", events_component(events)))
        return cls(components)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.components]

    def __call__(self, document: Document) -> Doc:
        return self.apply(Doc(document))

    def split(self, after: str) -> tuple[Pipeline, Pipeline]:
        """Two pipelines, up to and including the named stage and the rest, so a
        caller can look at a document in between (the batch runner's prefilter)."""
        cut = self.names.index(after) + 1
        return Pipeline(self.components[:cut]), Pipeline(self.components[cut:])

    def apply(self, doc: Doc) -> Doc:
        """Run the components on a document that earlier stages may have filled."""
        document = doc.document
        for name, component in self.components:
            try:
                result = component(doc)
            except RasdError as exc:
                if isinstance(exc, StageError):
                    raise
                raise StageError(exc.message, source=document.label, stage=name) from exc
            except Exception as exc:  # a bug in a component must not end a long run
                raise StageError(f"{type(exc).__name__}: {exc}", source=document.label,
                                 stage=name) from exc
            if not isinstance(result, Doc):
                raise StageError(f"component returned {type(result).__name__}, not Doc",
                                 source=document.label, stage=name)
            doc = result
        return doc

    def run(self, items: Iterable[Document | Doc | Rejected]) -> Iterator[Doc | Rejected]:
        """Process documents (or carry on with partly processed ones), passing
        rejects through and turning failures into rejects."""
        for item in items:
            if isinstance(item, Rejected):
                yield item
                continue
            doc = item if isinstance(item, Doc) else Doc(item)
            try:
                yield self.apply(doc)
            except StageError as exc:
                p = doc.document.provenance
                yield Rejected(source=p.source, stage=exc.stage, reason=exc.message,
                               record=p.record, offset=p.offset,
                               sample=doc.document.content[:SAMPLE_LIMIT].encode("utf-8"))
