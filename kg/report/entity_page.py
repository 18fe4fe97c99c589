"""The entity page, written without a template engine: a 40k graph has ~80k of them and Jinja's
per-value escaping and context set-up were most of their cost. The page frame (head, header,
footer) is still base.html, rendered once (`Frame`); this module fills its blocks."""

from __future__ import annotations

from collections import Counter
from html import escape

from jinja2 import Environment

from kg.report.model import MAX_PAPERS_LISTED, MAX_USED_WITH, RELATIONS, EntityView, ReportModel

_MARKS = ("@@TITLE@@", "@@MAIN@@", "@@SCRIPTS@@")


class Frame:
    """base.html around a page's title, main and scripts, for pages one folder deep."""

    root = "../"

    def __init__(self, env: Environment):
        page = env.from_string('{% extends "base.html" %}{% block title %}' + _MARKS[0]
                               + '{% endblock %}{% block main %}' + _MARKS[1]
                               + '{% endblock %}{% block scripts %}' + _MARKS[2] + '{% endblock %}')
        html = page.render(root=self.root)
        self.parts = []
        for mark in _MARKS:
            before, html = html.split(mark)
            self.parts.append(before)
        self.parts.append(html)

    def wrap(self, title: str, main: str, scripts: str) -> str:
        head, middle, tail, end = self.parts
        return f"{head}{escape(title, quote=False)}{middle}{main}{tail}{scripts}{end}"


class EntityPage:
    """Writes the HTML of one entity page; `links` and `paper_cell` are shared caches."""

    def __init__(self, model: ReportModel, frame: Frame, page_json, board_paths: dict[str, str],
                 relation_words: dict[str, str], paper_cell):
        self.model, self.frame, self.page_json = model, frame, page_json
        self.board_paths, self.relation_words, self.paper_cell = board_paths, relation_words, paper_cell
        self._links: dict[str, str] = {}
        r = frame.root
        self.scripts = (f'<script src="{r}static/vendor/chart.umd.min.js"></script>\n'
                        f'<script src="{r}static/vendor/cytoscape.min.js"></script>')

    def link(self, node: str) -> str:
        """<a> to an entity's page (cached: pages list the same few entities over and over)."""
        anchor = self._links.get(node)
        if anchor is None:
            entity = self.model.entities[node]
            anchor = self._links[node] = (f'<a class="entity t-{entity.type}" href="{self.frame.root}'
                                          f'{escape(entity.path)}">{escape(entity.name)}</a>')
        return anchor

    def html(self, entity: EntityView) -> str:
        model, root = self.model, self.frame.root
        count = entity.paper_count
        relations = Counter(link.relation for link in entity.links)
        lead = "".join(f"{':' if i == 0 else ','} {relations[rel]} {self.relation_words[rel]}"
                       for i, rel in enumerate(r for r in RELATIONS if relations[r]))
        parts = [f'<p class="kind t-{entity.type}">{entity.type}</p>\n'
                 f'<h1 id="entity-name">{escape(entity.name)}</h1>\n']
        if entity.aliases:
            spellings = ", ".join(f'<span class="alias">{escape(a)}</span>' for a in entity.aliases)
            parts.append(f'<p class="aliases">Also written: {spellings}</p>\n')
        parts.append(f'<p class="lead">{count} paper{"s" if count != 1 else ""}{lead}.\n')
        if entity.family:
            parts.append(f" Family: {self.link(entity.family)}.\n")
        if entity.params:
            parts.append(f" Parameters: {escape(str(entity.params))}.\n")
        if entity.id in self.board_paths:
            parts.append(f' <a class="button" href="{root}{escape(self.board_paths[entity.id])}">Leaderboard</a>')
        parts.append("</p>\n")
        if entity.models:
            more = len(entity.models) - 30
            parts.append(f"<p>Models: {', '.join(self.link(m) for m in entity.models[:30])}"
                         f"{f' and {more} more' if more > 0 else ''}.</p>\n")
        months = model.months_of(entity)
        near = model.neighbourhood(entity)
        chart = (f'<div class="chart"><canvas id="papers-per-month" data-chart="months" data-label="papers">'
                 f'</canvas></div><script type="application/json" '
                 f'id="papers-per-month-data">{self.page_json(months)}</script>' if months else
                 '<p class="note">Its papers carry no date or arXiv id.</p>')
        used_with = (f'<ol class="top" id="used-with" data-limit="{MAX_USED_WITH}"></ol>' if near["with"] else
                     '<p class="note">No other entity shares a paper with it.</p>')
        listed = entity.links[:MAX_PAPERS_LISTED]
        parts.append(
            f'<section class="grid">\n<div class="card"><h2>Papers per month</h2>{chart}</div>\n'
            f'<div class="card"><h2>Most often with</h2>{used_with}</div>\n'
            '<div class="card wide"><h2>Neighbourhood</h2>'
            f'<p class="note">Its {len(near["papers"])} strongest papers (grey) and {len(near["with"])} '
            'entities most often with it. Point at a paper for its title; click to open.</p>\n'
            f'<div id="neighbourhood" class="graph" data-kind="{entity.type}"></div>\n'
            f'<script type="application/json" id="neighbourhood-data">{self.page_json(near)}</script></div>\n'
            '</section>\n<h2>Papers</h2>\n<table class="papers">\n'
            '<thead><tr><th>paper</th><th>date</th><th>relation</th><th>evidence</th></tr></thead><tbody>\n')
        parts.extend(f"<tr>{self.paper_cell(link.paper)}<td>{self.relation_words.get(link.relation, link.relation)}"
                     f'</td><td class="evidence">{escape(link.evidence, quote=False)}</td></tr>\n' for link in listed)
        parts.append("</tbody>\n</table>\n")
        if count > len(listed):
            parts.append(f'<p class="note">{count - len(listed)} more papers are not listed '
                         "(strongest relationships and latest papers first).</p>\n")
        return self.frame.wrap(entity.name, "".join(parts), self.scripts)
