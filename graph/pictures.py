"""Pictures of the analyses (matplotlib, Agg backend: no screen needed), written as PNG."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen before pyplot loads)
import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from iskg.graph.analyses import citation_network, community_partition  # noqa: E402
from iskg.graph.files import write_atomic  # noqa: E402
from iskg.graph.network import policy_network, undirected  # noqa: E402
from iskg.graph.table import Table  # noqa: E402

LAYOUT_SEED = 7  # spring layouts start from a fixed random state: the same graph gives the same picture


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def heatmap(matrix: Table, row_label: str, first_value: int, title: str, *, counts: bool = True) -> Figure:
    """A labelled heatmap of the numeric columns of `matrix` from `first_value` on, rows named by `row_label`.

    With `counts`, cells show their numbers beside a colour bar; without, the cells only mark presence.
    """
    names = [str(r[matrix.columns.index(row_label)]) for r in matrix.rows]
    columns = list(matrix.columns[first_value:])
    values = [[float(v) for v in r[first_value:]] for r in matrix.rows]
    fig = plt.figure(figsize=(max(7.0, 1.0 + 0.55 * len(columns)), max(3.5, 2.8 + 0.32 * len(names))), dpi=110)
    ax = fig.add_subplot()
    if values and columns:
        image = ax.imshow(values, cmap="YlOrRd" if counts else "Blues", aspect="auto", vmin=0)
        ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(names))], minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="minor", length=0)
    if values and columns and counts:
        fig.colorbar(image, ax=ax, shrink=0.7, label="passages")
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(columns)), [_wrap(c, 28) for c in columns], rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(names)), [_wrap(n, 40) for n in names], fontsize=8)
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def agencies_objectives_picture(store: ox.Store, table: Table) -> Figure:
    return heatmap(table, "actor", 2, "Actors × the objectives and guidelines they serve (passages)")


def threat_timeline_picture(store: ox.Store, table: Table) -> Figure:
    return heatmap(table, "threat", 5, "Threats named by each work, in date order", counts=False)


def _network_picture(graph: nx.Graph, colours: list[str], title: str, labelled: set, legend: dict[str, str]
                     ) -> Figure:
    fig = plt.figure(figsize=(11, 9), dpi=100)
    ax = fig.add_subplot()
    if graph:
        positions = nx.spring_layout(graph, seed=LAYOUT_SEED, k=1.6 / max(1, len(graph)) ** 0.5)
        nx.draw_networkx_edges(graph, positions, ax=ax, alpha=0.25, width=0.7)
        sizes = [60 + 25 * graph.degree(n) for n in graph]
        nx.draw_networkx_nodes(graph, positions, ax=ax, node_color=colours, node_size=sizes, linewidths=0.4,
                               edgecolors="#333333")
        nx.draw_networkx_labels(graph, positions, ax=ax, font_size=7,
                                labels={n: _wrap(graph.nodes[n]["label"], 24) for n in graph if n in labelled})
    for name, colour in legend.items():
        ax.scatter([], [], color=colour, label=name)
    if legend:
        ax.legend(loc="lower left", fontsize=7, frameon=False)
    ax.set_title(title, fontsize=11)
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def communities_picture(store: ox.Store, table: Table) -> Figure:
    graph = undirected(policy_network(store))
    groups = community_partition(graph)
    palette = plt.get_cmap("tab20").colors
    colour_of = {n: matplotlib.colors.to_hex(palette[i % len(palette)]) for i, g in enumerate(groups) for n in g}
    hubs = {g[0] for g in groups} | {n for g in groups for n in sorted(g, key=graph.degree, reverse=True)[:2]}
    legend = {f"community {i}": matplotlib.colors.to_hex(palette[(i - 1) % len(palette)])
              for i in range(1, min(len(groups), 10) + 1)}
    return _network_picture(graph, [colour_of[n] for n in graph], "Communities of the policy network (Louvain)",
                            hubs, legend)


def citations_picture(store: ox.Store, table: Table) -> Figure:
    graph = citation_network(store)
    for n, d in graph.nodes(data=True):
        d["label"] = d["identifier"] or d["title"][:40] or n.rsplit("/", 1)[-1]
    colours = ["#1f77b4" if graph.nodes[n]["in_corpus"] else "#bbbbbb" for n in graph]
    return _network_picture(graph.to_undirected(), colours, "Citations: works read (blue) and documents cited",
                            set(graph), {"read": "#1f77b4", "cited only": "#bbbbbb"})


PICTURES: dict[str, Callable[[ox.Store, Table], Figure]] = {
    "agencies-objectives": agencies_objectives_picture,
    "communities": communities_picture,
    "threat-timeline": threat_timeline_picture,
    "citations": citations_picture,
}


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG without the matplotlib version stamp, so the same picture gives the same bytes."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def write_analysis(store: ox.Store, name: str, out: Path) -> tuple[Table, list[Path]]:
    """Run analysis `name`, write `NAME.csv` and, where there is one, `NAME.png` into `out`."""
    from iskg.graph.analyses import ANALYSES
    from iskg.graph.files import prepare_out_dir

    table = ANALYSES[name](store)
    prepare_out_dir(out)
    files = [write_atomic(out / f"{name}.csv", table.to_csv().encode())]
    if name in PICTURES:
        files.append(write_atomic(out / f"{name}.png", png_bytes(PICTURES[name](store, table))))
    return table, files
