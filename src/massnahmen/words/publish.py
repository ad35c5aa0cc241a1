"""The words of the public progress page (`publish`). Each entry (German, English)."""

from __future__ import annotations

PUBLISH_WORDS: dict[str, tuple[str, str]] = {
    "site_skip": ("Zum Inhalt springen", "Skip to content"),
    "site_breadcrumb": ("Sie sind hier", "You are here"),
    "site_home": ("Übersicht", "Overview"),
    "site_as_of": ("Stand: {date}", "As of {date}"),
    "site_last_report": ("Letzter Bericht an den Ausschuss", "Latest report to the committee"),
    "site_next_report": ("Nächster Bericht", "Next report"),
    "site_intro": (
        "Auf dieser Seite berichtet {authority}, wie weit die Maßnahmen des Plans umgesetzt "
        "sind: je Handlungsfeld und je Maßnahme, mit Frist, Fortschritt und Ampel.",
        "On this page {authority} reports how far the plan's measures have come: per field of "
        "action and per measure, with deadline, progress and traffic light.",
    ),
    "site_overall": ("Umsetzungsstand insgesamt", "Overall progress"),
    "site_progress_of": ("{percent} Fortschritt", "{percent} progress"),
    "site_by_status": ("Maßnahmen nach Status", "Measures by status"),
    "site_by_light": ("Offene Maßnahmen nach Ampel", "Open measures by traffic light"),
    "site_fields_intro": (
        "Jedes Handlungsfeld hat ein Ziel und Maßnahmen, die es erreichen sollen.",
        "Each field of action has a goal and measures to reach it.",
    ),
    "site_measures_in": ("Maßnahmen im Handlungsfeld", "Measures in this field of action"),
    "site_n_measures": ("{n} Maßnahmen", "{n} measures"),
    "site_one_measure": ("1 Maßnahme", "1 measure"),
    "site_no_measures": ("Keine Maßnahmen.", "No measures."),
    "site_no_light": ("ohne Frist", "no deadline"),
    "site_closed": ("abgeschlossen", "closed"),
    "site_legend": ("Was die Ampel bedeutet", "What the traffic light means"),
    "site_legend_red": (
        "Die Frist ist überschritten, oder eine Maßnahme, von der sie abhängt, ist überfällig "
        "oder verworfen.",
        "The deadline has passed, or a measure it depends on is overdue or cancelled.",
    ),
    "site_legend_yellow": (
        "Die Frist ist nah und der Fortschritt liegt zurück, oder es gab lange keine Meldung.",
        "The deadline is near and progress lags, or there has been no update for long.",
    ),
    "site_legend_green": ("Im Plan.", "On track."),
    "site_legend_none": (
        "Für die Maßnahme ist noch keine Frist festgelegt.",
        "No deadline has been set for the measure yet.",
    ),
    "site_legend_closed": (
        "Umgesetzte und verworfene Maßnahmen haben keine Ampel.",
        "Measures that are done or cancelled have no traffic light.",
    ),
    "site_facts": ("Steckbrief", "Facts"),
    "site_rating": ("Einschätzung der Verantwortlichen", "Owner's assessment"),
    "site_moves": ("{n}-mal verschoben", "moved {n} times"),
    "site_moved_once": ("einmal verschoben", "moved once"),
    "site_not_moved": ("nicht verschoben", "not moved"),
    "site_not_published": ("nicht veröffentlicht", "not published"),
    "site_dependencies": ("Zusammenhänge", "Related measures"),
    "site_history": ("Verlauf", "History"),
    "site_history_caption": ("Meldungen, die neueste zuerst", "Updates, newest first"),
    "site_moved_to": ("Frist neu: {deadline}", "new deadline: {deadline}"),
    "site_milestones": ("Meilensteine", "Milestones"),
    "site_milestone_done": ("erreicht am {date}", "reached on {date}"),
    "site_milestone_due": ("geplant: {deadline}", "planned: {deadline}"),
    "site_milestone_overdue": ("überfällig, geplant: {deadline}", "overdue, planned: {deadline}"),
    "site_indicators": ("Kennzahlen", "Indicators"),
    "site_baseline": ("Ausgangswert", "Baseline"),
    "site_target": ("Zielwert", "Target"),
    "site_measured": ("Gemessen", "Measured"),
    "site_path": ("Zielpfad", "Path to target"),
    "site_chart_desc": (
        "Ausgangswert {baseline} am {baseline_date}, Zielwert {target} am {target_date}; "
        "gemessen: {values}.",
        "Baseline {baseline} on {baseline_date}, target {target} on {target_date}; measured: "
        "{values}.",
    ),
    "site_chart_none": ("noch kein Messwert", "no measured value yet"),
    "site_value": ("Wert", "Value"),
    "site_made_with": ("Erstellt mit massnahmen.", "Made with massnahmen."),
    "site_imprint": ("Impressum", "Imprint"),
}
