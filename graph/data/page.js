// The interactive page of `iskg export --format html`: the policy network drawn with Cytoscape.js,
// a search box, filters by class and by document, and a panel with the evidence of what is clicked.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("iskg-data").textContent);
  var colours = data.colours;
  var documents = {};
  data.network.data.documents.forEach(function (d) { documents[d.id] = d; });

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: data.network.elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "background-color": function (n) { return colours[n.data("kind")] || "#999"; },
          "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
          "width": function (n) { return 14 + 3 * Math.min(n.degree(), 20); },
          "height": function (n) { return 14 + 3 * Math.min(n.degree(), 20); } } },
      { selector: "edge", style: {
          "width": function (e) { return 1 + Math.min(e.data("evidence_count"), 6); },
          "line-color": "#bbb", "target-arrow-color": "#bbb", "target-arrow-shape": "triangle",
          "curve-style": "bezier", "opacity": 0.8 } },
      { selector: ":selected", style: { "border-width": 4, "border-color": "#000", "line-color": "#000",
          "target-arrow-color": "#000", "z-index": 10 } },
      { selector: ".hidden", style: { "display": "none" } }
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; },
              idealEdgeLength: function () { return 60; }, numIter: 1500 }
  });
  window.iskgCy = cy;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function checkbox(container, value, text, colour) {
    var label = el("label");
    var box = el("input", null, { type: "checkbox", value: value });
    box.checked = true;
    box.addEventListener("change", applyFilters);
    label.appendChild(box);
    if (colour) { var sw = el("span", null, { "class": "swatch" }); sw.style.background = colour; label.appendChild(sw); }
    label.appendChild(document.createTextNode(text));
    label.title = text;
    container.appendChild(label);
  }

  var kinds = {};
  cy.nodes().forEach(function (n) { kinds[n.data("kind")] = (kinds[n.data("kind")] || 0) + 1; });
  Object.keys(colours).forEach(function (k) {
    if (kinds[k]) { checkbox(document.getElementById("class-filters"), k, k + " (" + kinds[k] + ")", colours[k]); }
  });
  data.network.data.documents.forEach(function (d) {
    checkbox(document.getElementById("document-filters"), d.id, (d.date ? d.date + " " : "") + d.label);
  });

  function checked(id) {
    var out = {};
    document.querySelectorAll("#" + id + " input:checked").forEach(function (b) { out[b.value] = true; });
    return out;
  }

  function applyFilters() {
    var keepKinds = checked("class-filters"), keepDocs = checked("document-filters");
    var allDocs = Object.keys(keepDocs).length === data.network.data.documents.length;
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var inDoc = allDocs || n.data("documents").some(function (d) { return keepDocs[d]; });
        n.toggleClass("hidden", !(keepKinds[n.data("kind")] && inDoc));
      });
      cy.edges().forEach(function (e) {
        var ends = !e.source().hasClass("hidden") && !e.target().hasClass("hidden");
        var inDoc = allDocs || e.data("documents").length === 0 ||
          e.data("documents").some(function (d) { return keepDocs[d]; });
        e.toggleClass("hidden", !(ends && inDoc));
      });
    });
    status(cy.nodes(":visible").length + " of " + cy.nodes().length + " entities shown");
  }

  function status(text) { document.getElementById("status").textContent = text; }

  function quotes(parent, evidence) {
    if (!evidence.length) { parent.appendChild(el("p", "No quoted passage (from the reference vocabulary).")); return; }
    evidence.forEach(function (q) {
      var block = el("blockquote");
      block.appendChild(el("span", (q.before.length >= 100 ? "\u2026" : "") + q.before));
      block.appendChild(el("mark", q.quote));
      block.appendChild(el("span", q.after + (q.after.length >= 100 ? "\u2026" : "")));
      var d = documents[q.document];
      block.appendChild(el("cite", (d ? d.label : q.document) + ", paragraph " + q.paragraph.split("/").pop()));
      parent.appendChild(block);
    });
  }

  function field(list, term, values, link) {
    if (!values.length) { return; }
    list.appendChild(el("dt", term));
    values.forEach(function (v) {
      var dd = el("dd");
      dd.appendChild(link ? el("a", v, { href: v, target: "_blank", rel: "noopener" }) : document.createTextNode(v));
      list.appendChild(dd);
    });
  }

  function show(target) {
    var panel = document.getElementById("details");
    panel.textContent = "";
    var d = target.data();
    var list = el("dl");
    if (target.isNode()) {
      panel.appendChild(el("h2", d.label));
      field(list, "Class", [d.class + (d.class !== d.kind ? " (" + d.kind + ")" : "")]);
      field(list, "IRI", [d.id], true);
      field(list, "Other names", d.altLabels);
      field(list, "Public identifiers", d.identifiers, true);
      field(list, "Named in", d.documents.map(function (x) { return documents[x] ? documents[x].label : x; }));
    } else {
      panel.appendChild(el("h2", target.source().data("label") + " \u2013 " + d.predicate + " \u2192 " +
                           target.target().data("label")));
      field(list, "Relation", ["iskg:" + d.predicate]);
      field(list, "Passages", [String(d.evidence_count) + " (renditions of one work counted once)"]);
    }
    panel.appendChild(list);
    panel.appendChild(el("h2", "Evidence"));
    quotes(panel, d.evidence);
  }

  cy.on("tap", "node, edge", function (evt) { show(evt.target); });

  function search(text) {
    var q = text.trim().toLowerCase();
    cy.elements().unselect();
    if (!q) { applyFilters(); return cy.collection(); }
    var exact = [], partial = [];
    cy.nodes(":visible").forEach(function (n) {
      var names = [n.data("label")].concat(n.data("altLabels")).map(function (s) { return s.toLowerCase(); });
      if (names.indexOf(q) >= 0) { exact.push(n); } else if (names.some(function (s) { return s.indexOf(q) >= 0; })) { partial.push(n); }
    });
    var found = cy.collection(exact.length ? exact : partial);
    found.select();
    if (found.length) {
      cy.animate({ fit: { eles: found.closedNeighborhood(), padding: 60 } }, { duration: 300 });
      show(found[0]);
    }
    status(found.length ? found.length + " found: " + found.map(function (n) { return n.data("label"); }).join(", ")
                        : "nothing found for \u201c" + text + "\u201d");
    return found;
  }
  window.iskgSearch = search;

  document.getElementById("search-form").addEventListener("submit", function (evt) {
    evt.preventDefault();
    search(document.getElementById("search").value);
  });
  applyFilters();
}());
