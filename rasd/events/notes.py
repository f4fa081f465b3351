"""Short English notes in the style of ACLED's, written from an event's fields."""

from __future__ import annotations

from rasd.events.model import Event

_VERBS = {
    "Armed clash": "clashed with", "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took over territory from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at", "Sexual violence": "committed sexual violence against",
    "Attack": "attacked", "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "protested", "Protest with intervention": "protested and were dispersed by",
    "Excessive force against protesters": "used excessive force against protesters",
    "Violent demonstration": "rioted", "Mob violence": "engaged in mob violence against",
    "Agreement": "reached an agreement with", "Arrests": "arrested",
    "Change to group/activity": "changed its organization or activity",
    "Disrupted weapons use": "intercepted or defused weapons of",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "handed over territory to",
    "Other": "was involved in a strategic development with",
}


def write_notes(event: Event) -> str:
    who = event.actor1.name if event.actor1 else "Unidentified actors"
    whom = event.actor2.name if event.actor2 else ", ".join(event.victims) or ""
    when = f"On {event.event_date}, " if event.event_date else ""
    where = ""
    if event.location:
        place = event.location.get("name")
        admin = event.location.get("admin1")
        where = f" in {place}" + (f" ({admin})" if admin and admin != place else "")
    sentence = f"{when}{who} {_VERBS[event.sub_event_type]} {whom}".rstrip() + f"{where}."
    figures = []
    if event.fatalities is not None:
        figures.append(f"{event.fatalities} killed" +
                       ("" if event.fatalities_qualifier == "exact" else
                        f" ({event.fatalities_qualifier})"))
    elif event.fatalities_qualifier == "unknown":
        figures.append("an unknown number killed")
    if event.injuries is not None:
        figures.append(f"{event.injuries} injured")
    if figures:
        sentence += " " + ", ".join(figures).capitalize() + "."
    if event.modality != "reported":
        sentence += f" [{event.modality}]"
    return sentence[0].upper() + sentence[1:]
