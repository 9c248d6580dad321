"""Units a number can carry in news text, with their normalised English names.

Names follow the NewsQuant convention (lowercase English: ``dollar``, ``kazakhstani tenge``,
``percentage``); the kind says how the quantities component treats the unit.
"""

from __future__ import annotations

from typing import Literal

UnitKind = Literal["currency", "percent", "duration", "physical"]

# surface form (lowercase) -> (normalised name, kind)
UNITS: dict[str, tuple[str, UnitKind]] = {}


def _add(kind: UnitKind, name: str, *forms: str) -> None:
    for form in (name, *forms):
        UNITS[form.lower()] = (name, kind)


_add("currency", "dollar", "dollars", "usd", "$", "us$", "bucks")
_add("currency", "euro", "euros", "eur", "€")
_add("currency", "pound sterling", "pounds", "pound", "gbp", "£", "sterling")
_add("currency", "japanese yen", "yen", "jpy", "¥")
_add("currency", "kazakhstani tenge", "tenge", "kzt", "₸", "tg")
_add("currency", "russian ruble", "rubles", "ruble", "roubles", "rouble", "rub", "₽", "rur")
_add("currency", "ukrainian hryvnia", "hryvnia", "hryvnias", "hryvnias", "uah", "₴")
_add("currency", "chinese yuan", "yuan", "cny", "renminbi", "rmb")
_add("currency", "indian rupee", "rupees", "rupee", "inr", "₹")
_add("currency", "turkish lira", "lira", "liras", "try", "₺")
_add("currency", "franc", "francs")
_add("currency", "dinar", "dinars")
_add("currency", "dirham", "dirhams")
_add("currency", "riyal", "riyals")
_add("currency", "peso", "pesos")
_add("currency", "rand", "rands", "zar")
_add("currency", "polish zloty", "zloty", "zlotys", "pln")
_add("currency", "cedi", "cedis")
_add("currency", "riel", "riels", "khr")
_add("currency", "brazilian real", "reais", "brl")
_add("currency", "kip", "kips")
_add("currency", "dong", "vnd")
_add("currency", "baht", "thb")
_add("currency", "ringgit", "myr")
_add("currency", "taka", "bdt")
_add("currency", "afghani", "afghanis", "afn")
_add("currency", "pakistani rupee", "pkr")
_add("currency", "egyptian pound", "egp")
_add("currency", "israeli shekel", "shekels", "shekel", "ils", "₪")
_add("currency", "south korean won", "won", "krw", "₩")
_add("currency", "krona", "kronor", "kronas", "sek")
_add("currency", "krone", "kroner", "nok", "dkk")
# English renders koruna, krona and krone as "crown": news translations use it for all three.
_add("currency", "crown", "crowns")
_add("currency", "forint", "forints", "huf")
_add("currency", "leu", "lei", "ron", "mdl")
_add("currency", "lev", "leva", "bgn")
_add("currency", "czech koruna", "koruna", "korunas", "czk")
_add("currency", "swiss franc", "swiss francs", "chf")
_add("currency", "kyrgyzstani som", "som", "soms", "kgs")
_add("currency", "uzbekistani sum", "sums", "uzs")
_add("currency", "belarusian ruble", "byn")
_add("currency", "georgian lari", "lari", "gel")
_add("currency", "armenian dram", "dram", "drams", "amd")
_add("currency", "azerbaijani manat", "manat", "manats", "azn")
_add("currency", "nigerian naira", "naira", "ngn", "₦")
_add("currency", "kenyan shilling", "shillings", "shilling", "kes")
_add("percent", "percentage", "%", "percent", "pct", "per cent", "percentage points",
     "percentage point")
_add("duration", "year", "years", "yr", "yrs")
_add("duration", "month", "months")
_add("duration", "week", "weeks")
_add("duration", "day", "days")
_add("duration", "hour", "hours", "hrs", "h")
_add("duration", "minute", "minutes", "mins", "min")
_add("duration", "second", "seconds", "secs")
_add("physical", "kilometre", "kilometres", "kilometers", "kilometer", "km", "kms")
_add("physical", "metre", "metres", "meters", "meter", "m")
_add("physical", "centimetre", "centimetres", "centimeters", "cm")
_add("physical", "mile", "miles", "mi")
_add("physical", "square kilometre", "square kilometres", "square kilometers", "sq km", "km2")
_add("physical", "hectare", "hectares", "ha")
_add("physical", "acre", "acres")
_add("physical", "kilogram", "kilograms", "kilogrammes", "kg", "kilos", "kilo")
_add("physical", "gram", "grams", "g")
_add("physical", "tonne", "tonnes", "tons", "ton", "t")
_add("physical", "litre", "litres", "liters", "liter", "l")
_add("physical", "barrel", "barrels", "bbl")
_add("physical", "cubic metre", "cubic metres", "cubic meters", "m3")
_add("physical", "megawatt", "megawatts", "mw")
_add("physical", "kilowatt hour", "kilowatt hours", "kwh")
_add("physical", "degree celsius", "degrees celsius", "°c", "celsius")
_add("physical", "magnitude", "richter")
_add("physical", "time", "times")  # "stabbed seven times": a repetition, never a count
_add("physical", "kilometre per hour", "km/h", "kph", "kilometres per hour")
_add("physical", "mile per hour", "mph", "miles per hour")

# Symbols written before the number ("$6 billion", "€40", "₸120").
PREFIX_SYMBOLS = frozenset({"$", "€", "£", "¥", "₸", "₽", "₴", "₹", "₺", "₦", "us$"})
# Single-letter and other ambiguous forms only count right after a digit ("5 m", "40 h"),
# never after a word number ("one m...").
AMBIGUOUS_FORMS = frozenset({"m", "t", "g", "l", "h", "mi", "ha", "try", "som", "min", "tg",
                             "sums", "gel", "dram"})


def lookup(form: str) -> tuple[str, UnitKind] | None:
    return UNITS.get(form.lower())
