"""The status request (Statusabfrage): a fill-in workbook per owner (`request`) and its answers
read back into the plan as updates (`collect`).

`ticket.py` is the tie between a workbook and the plan (which plan, which owner, each row's
measure and its state when asked); `asking.py` chooses what each owner is asked; `answers.py`
reads a returned workbook and judges each row; `collecting.py` writes the taken rows through
the edit engine. No typer, no rich: the command line renders what these return.
"""
