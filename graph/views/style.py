"""How a view looks: the one place that decides colour, shape and size.

Colours and shapes follow the ontology's label order, and relationship colours its
type order, so a label added to ``graph/ontology.yaml`` gets a style without editing
this module. The palettes are colour-blind safe (Okabe-Ito for labels).

>>> styles = label_styles()
>>> styles["Person"].shape, styles["Source"].shape
('dot', 'box')
>>> node_size(0) < node_size(4) < node_size(400) <= MAX_SIZE
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from graph.ontology import Ontology, default_ontology

__all__ = ["LabelStyle", "label_styles", "type_colors", "node_groups", "node_options", "edge_options", "edge_caption",
           "node_size", "shape_symbol", "DISPUTED_COLOR", "EDGE_WIDTH", "MIN_SIZE", "MAX_SIZE", "SOURCE_LABEL"]

SOURCE_LABEL = "Source"
# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
_LABEL_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
# Shapes that keep the name under the node (so size can show importance).
_SHAPES = ("dot", "diamond", "square", "triangle", "star", "hexagon", "triangleDown")
_SYMBOLS = {"dot": "●", "diamond": "◆", "square": "■", "triangle": "▲", "star": "★", "hexagon": "⬢",
            "triangleDown": "▼", "box": "▭"}
# Muted colours for relationship types (Tableau 10, darkened a little for thin lines).
_TYPE_COLORS = ("#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F",
                "#E15759", "#BAB0AC", "#2F4B7C", "#A05195")
DISPUTED_COLOR = "#C0392B"
MIN_SIZE, MAX_SIZE = 8.0, 40.0
EDGE_WIDTH = 1.5  # of every edge but disputed ones


@dataclass(frozen=True)
class LabelStyle:
    label: str
    color: str
    shape: str
    symbol: str


def label_styles(ontology: Ontology | None = None) -> dict[str, LabelStyle]:
    """Colour and shape for each label of the ontology (in its order), plus ``Source``."""
    onto = ontology or default_ontology()
    out: dict[str, LabelStyle] = {}
    for i, label in enumerate(onto.labels):
        shape = _SHAPES[i % len(_SHAPES)]
        out[label] = LabelStyle(label, _LABEL_COLORS[i % len(_LABEL_COLORS)], shape, _SYMBOLS[shape])
    out[SOURCE_LABEL] = LabelStyle(SOURCE_LABEL, "#7F7F7F", "box", _SYMBOLS["box"])
    return out


def type_colors(ontology: Ontology | None = None) -> dict[str, str]:
    """A colour for each relationship type of the ontology (in its order)."""
    onto = ontology or default_ontology()
    return {t: _TYPE_COLORS[i % len(_TYPE_COLORS)] for i, t in enumerate(onto.relationships)}


def shape_symbol(shape: str) -> str:
    return _SYMBOLS.get(shape, "●")


def _pale(color: str, amount: float = 0.6) -> str:
    """``color`` mixed with white (for the fill of generic actors)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def node_size(degree: float) -> float:
    """Node radius from its importance (degree, or a scaled centrality), growing slowly."""
    return min(MAX_SIZE, MIN_SIZE + 4.0 * math.sqrt(max(0.0, degree)))


def node_groups(styles: dict[str, LabelStyle]) -> dict[str, dict[str, Any]]:
    """vis-network ``groups``: one per label, so colour and shape are set once, not on every node.

    The border is the fill's colour, so it is not drawn (``borderWidth`` 0: one stroke
    less per node); a selected node still gets its black outline.
    """
    return {label: {"shape": s.shape, "borderWidth": 0,
                    "color": {"background": s.color, "border": s.color,
                              "highlight": {"background": s.color, "border": "#000000"}}}
            for label, s in styles.items()}


def node_options(attrs: dict[str, Any], styles: dict[str, LabelStyle], importance: float) -> dict[str, Any]:
    """vis-network options of one node, beyond its label's group (:func:`node_groups`).

    ``group`` is the label; generic actors are pale with a dashed outline; a label
    without a style gets its colour and shape on the node itself.
    """
    label = str(attrs.get("label"))
    style = styles.get(label)
    opts: dict[str, Any] = {"size": round(node_size(importance), 1)}
    if style is None:
        style = LabelStyle("?", "#999999", "dot", "●")
        opts.update(shape=style.shape, color={"background": style.color, "border": style.color,
                                              "highlight": {"background": style.color, "border": "#000000"}})
    else:
        opts["group"] = label
    if attrs.get("generic"):
        opts["color"] = {"background": _pale(style.color), "border": style.color,
                         "highlight": {"background": _pale(style.color, 0.3), "border": "#000000"}}
        opts["shapeProperties"] = {"borderDashes": [4, 3]}
        opts["borderWidth"] = 2
    return opts


def edge_caption(attrs: dict[str, Any], qualifiers: tuple[str, ...] = ()) -> str:
    """The text drawn on an edge: its type, identifying qualifiers, date, and a disputed mark.

    >>> edge_caption({"type": "PARTICIPANT_IN", "role": "target", "date": "2021-12", "disputed": ["date"]}, ("role",))
    'PARTICIPANT_IN (target) · 2021-12 · ⚠ disputed'
    """
    text = str(attrs.get("type", ""))
    quals = [str(attrs[q]) for q in qualifiers if attrs.get(q) not in (None, "")]
    if quals:
        text += f" ({', '.join(quals)})"
    when = attrs.get("date") or ("–".join(str(attrs[k]) for k in ("start", "end") if attrs.get(k)))
    if when:
        text += f" · {when}"
    if attrs.get("disputed"):
        text += " · ⚠ disputed"
    return text


def edge_options(attrs: dict[str, Any], colors: dict[str, str]) -> dict[str, Any]:
    """vis-network options of one claim edge: colour by type; disputed facts red, dashed and wider.

    Only what differs between edges: the width (:data:`EDGE_WIDTH`), arrows and fonts are
    set once in the network's ``edges`` options. A colour given as a string is also the
    highlight and hover colour.
    """
    if attrs.get("disputed"):
        return {"color": DISPUTED_COLOR, "dashes": [6, 4], "width": 2}
    return {"color": colors.get(str(attrs.get("type")), "#888888")}
