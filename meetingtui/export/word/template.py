"""The municipality's own Word template: minutes and action lists that start from its document.

`services.settings.word_template` names a .docx or .dotx (``meetingtui config set word-template
PATH``). As with pandoc's ``--reference-doc``, the export then starts from that file with its
body emptied: its styles, numbering, theme, fonts, page size and margins, and its headers and
footers with their pictures (the logo) stay as they are. A .dotx is read as the document it
would make: its package's content type is changed in memory, the file is never touched.

- **Styles.** A style the exports use (`word.layout.USED_STYLES`) that the template has is the
  template's, whatever Word calls it on the inside ("Rubrik2" in a Swedish Word). One it lacks
  is added from the built-in look — size, weight, colour, spacing, list numbering — but without
  the built-in font, so that it is set in the template's (its Normal style's) font. A list style
  of the template's without working numbering gets the built-in numbering, so that lists stay
  lists and numbered notes keep their numbers.
- **Headers and footers** stay as the template has them; the minutes' line and "Sida X av Y"
  are added beside what they hold, as `word.page` says (the logo stays; the page number goes
  where the template has none).
- What the template's body held goes, with what only the body used (its pictures, links,
  comments, the headers of sections before the last); its document properties are the export's.

A template that cannot be used raises `WordTemplateError` (one line naming the file, with the
i18n key ``export.word_template_*`` that says it in Swedish or English) before anything is
written.

Imports python-docx: import this module only where a document is built.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Cm, Twips
from docx.styles import BabelFish

from meetingtui.export.files import ExportError
from meetingtui.i18n import os_error

TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_MAIN = ("application/vnd.ms-word.document.macroEnabled.main+xml",
               "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 (.doc, .dot)
_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MS = "http://schemas.microsoft.com/office"
#: What only the body uses: dropped with it when nothing left in the body refers to them.
_BODY_ONLY = frozenset({
    RT.HEADER, RT.FOOTER, RT.IMAGE, RT.HYPERLINK, RT.CHART, RT.OLE_OBJECT, RT.PACKAGE,
    RT.DIAGRAM_DATA, RT.DIAGRAM_LAYOUT, RT.DIAGRAM_QUICK_STYLE, RT.DIAGRAM_COLORS,
})
#: Comments are tied to the body without an id in it: they go with the body, all of them.
_COMMENTS = frozenset({
    RT.COMMENTS, f"{_MS}/2011/relationships/commentsExtended",
    f"{_MS}/2016/09/relationships/commentsIds", f"{_MS}/2018/08/relationships/commentsExtensible",
    f"{_MS}/2011/relationships/people",
})
A4 = (Twips(11906), Twips(16838))
MARGIN = Cm(2.5)


class WordTemplateError(ExportError):
    """The Word template named in the settings cannot be used; nothing was written.

    ``reason`` is ``word_template``; ``path`` is the template (not the export); ``problem`` is
    ``missing``, ``unreadable``, ``doc`` (Word 97–2003), ``macros`` (.docm/.dotm) or
    ``invalid``, and the i18n key ``export.word_template_<problem>`` says it in words (the
    message is its English text)."""

    def __init__(self, path: Path, problem: str, detail: str = "") -> None:
        from meetingtui.i18n import catalogue

        key = f"export.word_template_{problem}"
        fields = {"detail": detail} if detail else {}
        super().__init__(catalogue("en")[key].format(path=path, **fields), reason="word_template",
                         path=path, key=key, fields=fields)
        self.problem = problem


def from_template(path: Path, builtin: Document, used_styles: Sequence[str]) -> Document:
    """The template at ``path`` as a new, empty document with every style in ``used_styles``
    (the template's own, or ``builtin``'s where it has none). Raises `WordTemplateError`."""
    path = path.expanduser()
    doc = _open(path, _as_document(path, _read(path)))
    try:
        _empty_body(doc)
        _drop_body_parts(doc)
        _page_defaults(doc)
        _clear_properties(doc)
        _Styles(doc, builtin).ensure(used_styles)
    except Exception as error:  # values python-docx cannot read (a page width "abc" …)
        raise WordTemplateError(path, "invalid") from error
    return doc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise WordTemplateError(path, "missing") from None
    except OSError as error:
        raise WordTemplateError(path, "unreadable", os_error(error)) from None


def _as_document(path: Path, data: bytes) -> io.BytesIO:
    """The package as a Word document (.docx) in memory: a .dotx's main part is declared a
    document's, which is all that tells the two apart (python-docx opens only documents)."""
    if data.startswith(_OLE_MAGIC):
        raise WordTemplateError(path, "doc")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            if any(kind.encode() in types for kind in _MACRO_MAIN):
                raise WordTemplateError(path, "macros")
            if TEMPLATE_MAIN.encode() not in types:
                return io.BytesIO(data)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as document:
                for info in package.infolist():
                    content = package.read(info)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(TEMPLATE_MAIN.encode(),
                                                  CT.WML_DOCUMENT_MAIN.encode())
                    document.writestr(info, content)
    except WordTemplateError:
        raise
    except Exception as error:  # a damaged zip fails in many ways (BadZipFile, zlib.error …)
        raise WordTemplateError(path, "invalid") from error
    out.seek(0)
    return out


def _open(path: Path, stream: io.BytesIO) -> Document:
    try:
        doc: Document = docx.Document(stream)
        doc.element.body  # noqa: B018 - a main part that is no Word document fails here
    except Exception as error:  # python-docx and lxml raise what they meet: it means "damaged"
        raise WordTemplateError(path, "invalid") from error
    return doc


def _empty_body(doc: Document) -> None:
    """Remove the body's content, keeping the last section's properties (page, margins, the
    headers and footers it refers to) as the body's own, last."""
    body = doc.element.body
    last = body.find(qn("w:sectPr"))
    if last is None:  # the last section's properties stand in its last paragraph
        inner = body.findall(f".//{qn('w:pPr')}/{qn('w:sectPr')}")
        last = inner[-1] if inner else OxmlElement("w:sectPr")
    for child in list(body):
        body.remove(child)
    body.append(last)


def _drop_body_parts(doc: Document) -> None:
    part = doc.part
    used = {value for element in doc.element.iter() for name, value in element.attrib.items()
            if name.startswith(_R_NS)}
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in _COMMENTS or (rel.reltype in _BODY_ONLY and r_id not in used):
            del part.rels[r_id]


def _page_defaults(doc: Document) -> None:
    """A4 and 2.5 cm margins where the template does not say (Word would take Letter)."""
    section = doc.sections[0]
    if section.page_width is None or section.page_height is None:
        section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        if getattr(section, side) is None:
            setattr(section, side, MARGIN)


def _clear_properties(doc: Document) -> None:
    """The template's own properties (`word.layout.set_properties` sets the export's)."""
    props = doc.core_properties
    for name in ("category", "content_status", "identifier", "version", "keywords", "comments"):
        setattr(props, name, "")
    props.revision = 1
    props._element._remove_lastPrinted()


class _Styles:
    """The template's styles, completed from the built-in ones."""

    def __init__(self, doc: Document, builtin: Document) -> None:
        self.doc = doc
        self.builtin = builtin
        self.styles: Any = doc.styles.element
        self.source: Any = builtin.styles.element
        self._numbering: Any = None

    def ensure(self, names: Iterable[str]) -> None:
        for name in names:
            source = self.source.get_by_name(BabelFish.ui2internal(name))
            style = self._find(source)
            if style is None:
                self._copy(source)
            else:
                self._give_numbering(style, source)

    def _find(self, source: Any) -> Any:
        """The template's style of ``source``'s name and type, its name matched in any case as
        Word does, and set to Word's spelling ("heading 2"), the one python-docx looks up."""
        internal = str(source.find(qn("w:name")).get(qn("w:val")))
        kind = source.get(qn("w:type"))
        for style in self.styles.findall(qn("w:style")):
            name = style.find(qn("w:name"))
            if (name is not None and style.get(qn("w:type")) == kind
                    and (name.get(qn("w:val")) or "").casefold() == internal.casefold()):
                name.set(qn("w:val"), internal)
                return style
        return None

    def _id_of(self, source_id: str, *, add: bool) -> str | None:
        """The template's id for the built-in style ``source_id`` (added when ``add``)."""
        source = self.source.get_by_id(source_id)
        if source is None:
            return None
        found = self._find(source)
        if found is not None:
            return str(found.get(qn("w:styleId")))
        return self._copy(source) if add else None

    def _copy(self, source: Any) -> str:
        style = copy.deepcopy(source)
        style.attrib.pop(qn("w:default"), None)
        for tag in ("w:link", "w:rsid"):
            for element in style.findall(qn(tag)):
                style.remove(element)
        for fonts in style.findall(f"{qn('w:rPr')}/{qn('w:rFonts')}"):
            fonts.getparent().remove(fonts)  # the template's font, not the built-in Arial
        for tag, add in (("w:basedOn", True), ("w:next", False)):
            ref = style.find(qn(tag))
            if ref is not None:
                target = self._id_of(str(ref.get(qn("w:val"))), add=add)
                if target is None:
                    style.remove(ref)
                else:
                    ref.set(qn("w:val"), target)
        style_id = str(style.get(qn("w:styleId")))
        while self.styles.get_by_id(style_id) is not None:  # the id is another style's here
            style_id += "Mt"
        style.set(qn("w:styleId"), style_id)
        self.styles.append(style)
        num_id = _num_id(style)
        if num_id is not None:
            self._set_numbering(style, self._copy_numbering(num_id, style_id))
        return style_id

    def _give_numbering(self, style: Any, source: Any) -> None:
        """A template's list style whose numbering is missing or broken gets the built-in's."""
        source_num = _num_id(source)
        if source_num is None:
            return
        num_id = _num_id(style)
        if num_id is not None and self._abstract_of(self._numbering_element(), num_id) is not None:
            return
        self._set_numbering(style, self._copy_numbering(source_num,
                                                        str(style.get(qn("w:styleId")))))

    @staticmethod
    def _abstract_of(numbering: Any, num_id: int) -> Any:
        """The ``w:abstractNum`` that ``num_id`` uses in ``numbering``, or None."""
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == str(num_id):
                ref = num.find(qn("w:abstractNumId"))
                wanted = ref.get(qn("w:val")) if ref is not None else None
                for abstract in numbering.findall(qn("w:abstractNum")):
                    if abstract.get(qn("w:abstractNumId")) == wanted:
                        return abstract
        return None

    def _numbering_element(self) -> Any:
        """The template's numbering definitions, a new (empty) part if it has none."""
        if self._numbering is None:
            part = self.doc.part
            try:
                related = cast(NumberingPart, part.part_related_by(RT.NUMBERING))
                self._numbering = related.element
            except KeyError:
                element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
                numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                                          element, part.package)
                part.relate_to(numbering, RT.NUMBERING)
                self._numbering = element
        return self._numbering

    def _copy_numbering(self, source_num: int, style_id: str) -> int:
        """The built-in list definition ``source_num`` copied into the template's numbering
        under new ids, its levels tied to ``style_id``; the new ``w:numId``."""
        source = self._abstract_of(self.builtin.part.numbering_part.element, source_num)
        numbering = self._numbering_element()
        abstracts = numbering.findall(qn("w:abstractNum"))
        nums = numbering.findall(qn("w:num"))
        abstract_id = 1 + max((_number(a.get(qn("w:abstractNumId"))) or 0 for a in abstracts),
                              default=-1)
        num_id = 1 + max((_number(n.get(qn("w:numId"))) or 0 for n in nums), default=0)
        abstract = copy.deepcopy(source)
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        for tag in ("w:nsid", "w:tmpl"):  # ids Word matches lists by: not the built-in's
            for element in abstract.findall(qn(tag)):
                abstract.remove(element)
        for p_style in abstract.iter(qn("w:pStyle")):
            p_style.set(qn("w:val"), style_id)
        if abstracts:
            abstracts[-1].addnext(abstract)
        elif nums:
            nums[0].addprevious(abstract)
        else:
            numbering.insert(len(numbering.findall(qn("w:numPicBullet"))), abstract)
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>')
        abstract_or_last = numbering.findall(qn("w:num"))
        (abstract_or_last[-1] if abstract_or_last else abstract).addnext(num)
        return num_id

    @staticmethod
    def _set_numbering(style: Any, num_id: int) -> None:
        p_pr = style.get_or_add_pPr()
        num_pr = p_pr.get_or_add_numPr()
        num_pr.get_or_add_numId().val = num_id


def _num_id(style: Any) -> int | None:
    ref = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if ref is None else _number(ref.get(qn("w:val")))


def _number(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None
