"""The command line's own words: its options, its refusals, its usage errors."""

from __future__ import annotations

CLI_WORDS: dict[str, tuple[str, str]] = {
    "cli.usage": ("Aufruf", "Usage"),
    "cli.arguments": ("Argumente", "Arguments"),
    "cli.options": ("Optionen", "Options"),
    "cli.commands": ("Befehle", "Commands"),
    "cli.OPTIONS": ("OPTIONEN", "OPTIONS"),
    "cli.COMMAND": ("BEFEHL", "COMMAND"),
    "cli.ARGS": ("ARGUMENTE", "ARGS"),
    "cli.TEXT": ("TEXT", "TEXT"),
    "cli.required": ("Pflicht", "required"),
    "cli.default": ("Standard: {value}", "default: {value}"),
    "cli.help_option": ("Diese Hilfe zeigen und beenden.", "Show this message and exit."),
    "cli.checks": ("Prüfungen", "Checks"),
    "cli.error": ("Fehler", "Error"),
    "cli.error_severity": ("Fehler", "error"),
    "cli.warning_severity": ("Warnung", "warning"),
    "cli.try_help": ("Hilfe: {command} -h", "Try '{command} -h' for help."),
    "cli.missing_option": ("es fehlt die Option {option}", "missing option {option}"),
    "cli.missing_argument": ("es fehlt {argument}", "missing argument {argument}"),
    "cli.no_such_option": ("unbekannte Option {option}", "no such option: {option}"),
    "cli.did_you_mean": ("meinten Sie {options}?", "did you mean {options}?"),
    "cli.needs_value": (
        "die Option {option} braucht einen Wert",
        "option {option} requires a value",
    ),
    "cli.bad_value": (
        "ungültiger Wert für {option}: {reason}",
        "invalid value for {option}: {reason}",
    ),
    "cli.not_a_choice": (
        "„{value}“ ist keine der Möglichkeiten ({choices})",
        '"{value}" is not one of the choices ({choices})',
    ),
    "cli.not_a_number": ("„{value}“ ist keine Zahl", '"{value}" is not a number'),
    "cli.extra_arguments": (
        "unerwartete weitere Argumente: {arguments}",
        "unexpected extra arguments: {arguments}",
    ),
    "cli.no_such_command": ("unbekannter Befehl „{command}“", 'no such command "{command}"'),
    "cli.aborted": ("Abgebrochen.", "Aborted!"),
    "cli.unknown_language": (
        "--lang: '{value}' ist keine Sprache dieses Programms; de oder en",
        "--lang: '{value}' is not a language of this tool; de or en",
    ),
    "cli.not_days": (
        "„{value}“ ist keine Anzahl von Tagen; geschrieben wie 14",
        '"{value}" is not a number of days; written as 14',
    ),
    "cli.since_or_meeting": (
        "--since oder --meeting angeben, nicht beides",
        "give --since or --meeting, not both",
    ),
    "cli.missing_options": (
        "es fehlt {options}",
        "missing {options}",
    ),
    "cli.too_many_arguments": (
        "zu viele Argumente: {arguments}; erwartet {expected}",
        "too many arguments: {arguments}; expected {expected}",
    ),
    "cli.not_a_kind": (
        "„{value}“ ist keine Art; unit (Einheit), person oder external (extern)",
        '"{value}" is not a kind; unit, person or external',
    ),
    "cli.nothing_to_update": (
        "nichts zu ändern: geben Sie --status, --progress, --deadline, --rating oder --note an "
        "(oder --owner, --title, --priority, --milestone-done, --indicator, --attribute)",
        "nothing to update: give --status, --progress, --deadline, --rating or --note "
        "(or --owner, --title, --priority, --milestone-done, --indicator, --attribute)",
    ),
    "run.no_plan_here": (
        "kein Plan angegeben, und in {folder} liegt keine Plandatei (*.toml); nennen Sie den "
        "Plan (massnahmen status plan.toml) oder setzen Sie MASSNAHMEN_PLAN",
        "no plan given, and {folder} holds no plan file (*.toml); name the plan "
        "(massnahmen status plan.toml) or set MASSNAHMEN_PLAN",
    ),
    "run.several_plans_here": (
        "kein Plan angegeben, und hier liegen {count} Plandateien ({plans}); nennen Sie den "
        "Plan oder setzen Sie MASSNAHMEN_PLAN",
        "no plan given, and this folder holds {count} plan files ({plans}); name the plan or "
        "set MASSNAHMEN_PLAN",
    ),
    "run.no_plan_in_folder": (
        "{folder}: keine Plandateien (*.toml) in diesem Ordner",
        "{folder}: no plan files (*.toml) in this folder",
    ),
}
