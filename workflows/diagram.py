"""A Graphviz (DOT) picture of both tracks, drawn from the same tables the machines are built from.

Built by hand rather than with transitions' GraphMachine so the text is the same whether or not
the optional `graphviz` package is installed, and no graph state is kept per model.
"""

from .machine import LEGAL_AID_TRANSITIONS, MAIN_TRANSITIONS
from .states import EVENT_LABELS, LEGAL_AID_LABELS, LEGAL_AID_STATES, STATE_LABELS, STATES, TERMINAL_STATES

FONT = "Noto Sans CJK SC,WenQuanYi Micro Hei,sans-serif"


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cluster(name, title, nodes):
    lines = [f"  subgraph cluster_{name} {{", f"    label={_quote(title)};"]
    for node_id, label, terminal in nodes:
        shape = ", peripheries=2" if terminal else ""
        lines.append(f"    {_quote(node_id)} [label={_quote(label)}{shape}];")
    lines.append("  }")
    return lines


def _edges(table, node_id):
    lines = []
    for event, sources, dest, _ in table:
        label = _quote(EVENT_LABELS[event]["zh"])
        for source in sources:
            if dest is None:
                lines.append(f"  {_quote(node_id(source))} -> {_quote(node_id(source))} [label={label}, style=dashed];")
            else:
                lines.append(f"  {_quote(node_id(source))} -> {_quote(node_id(dest))} [label={label}];")
    return lines


def diagram_dot():
    """DOT source of the main life cycle and the legal-aid track, labelled in Chinese.

    Dashed self-loops are internal events (recorded, state unchanged); double borders are the
    terminal states. Render with `dot -Tsvg`.
    """
    def aid(state):
        return f"legal_aid_{state}"

    main_nodes = [(s, STATE_LABELS[s]["zh"], s in TERMINAL_STATES) for s in STATES]
    aid_nodes = [(aid(s), LEGAL_AID_LABELS[s]["zh"], False) for s in LEGAL_AID_STATES]
    lines = [
        "digraph dispute_desk {",
        f"  graph [rankdir=LR, fontname={_quote(FONT)}, label={_quote('劳动争议调处流程')}];",
        f"  node [shape=box, style=rounded, fontname={_quote(FONT)}];",
        f"  edge [fontname={_quote(FONT)}, fontsize=10];",
        *_cluster("main", "案件主流程", main_nodes),
        *_cluster("legal_aid", "法律援助（并行，不改变主流程状态）", aid_nodes),
        *_edges(MAIN_TRANSITIONS, lambda s: s),
        *_edges(LEGAL_AID_TRANSITIONS, aid),
        "}",
    ]
    return "\n".join(lines) + "\n"
