"""Locale from the URL prefix (DESIGN §6), and Babel format helpers for templates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlencode

from flask import Flask, current_app, g, request, url_for
from flask_babel import format_currency, format_date, format_decimal, get_locale

LANG_PREFIX = "/<any(de,en):lang>"
LANG_NAMES = {"de": "Deutsch", "en": "English"}


def best_accept_language() -> str:
    """The visitor's preferred language among ours, for `/` and pages without a prefix."""
    return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "de"


def select_locale() -> str:
    lang = g.get("lang")
    if lang:
        return lang
    if request:
        return best_accept_language()
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_lang() -> str:
    return str(get_locale() or "de")


def other_lang(lang: str | None = None) -> str:
    return "en" if (lang or current_lang()) == "de" else "de"


def _pull_lang(endpoint: str | None, values: dict | None) -> None:
    if values and "lang" in values:
        g.lang = values.pop("lang")


def _add_lang(endpoint: str, values: dict) -> None:
    if "lang" in values or not g.get("lang"):
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = g.lang


def url_with_query(
    endpoint: str, query: dict[str, list[str]] | None = None, _external: bool = False, **values
) -> str:
    """url_for plus a query string built apart from the route's values.

    The list's `lang` filter (working language, DESIGN §3) shares its name with the URL's
    language prefix, so query arguments must never pass through url_for's values.
    """
    path = url_for(endpoint, _external=_external, **values)
    pairs = [(key, value) for key, items in (query or {}).items() for value in items]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def url_in_lang(lang: str, external: bool = False) -> str | None:
    """This page's URL in `lang`, keeping the query string; None where there is no twin."""
    if request.endpoint is None or request.url_rule is None:
        return None
    if "lang" not in request.url_rule.arguments:
        return None
    values = dict(request.view_args or {}, lang=lang)
    return url_with_query(request.endpoint, request.args.to_dict(flat=False), external, **values)


def money(amount: int | Decimal | None, currency: str = "EUR") -> str:
    """Locale-formatted money; whole amounts (salaries) without the ",00"."""
    if amount is None:
        return ""
    if amount == int(amount):
        pattern = get_locale().currency_formats["standard"].pattern.replace(".00", "")
        return format_currency(amount, currency, format=pattern, currency_digits=False)
    return format_currency(amount, currency)


def number(value: int | float | Decimal) -> str:
    return format_decimal(value)


def day(value: date | datetime | None, fmt: str = "medium") -> str:
    """A date (a datetime shown as its day in the portal's time zone)."""
    if value is None:
        return ""
    return format_date(value, fmt)


def init_app(app: Flask) -> None:
    app.url_value_preprocessor(_pull_lang)
    app.url_defaults(_add_lang)
    app.jinja_env.filters.update(money=money, number=number, day=day)
    app.jinja_env.globals.update(
        current_lang=current_lang,
        other_lang=other_lang,
        url_in_lang=url_in_lang,
        url_with_query=url_with_query,
        LANG_NAMES=LANG_NAMES,
    )
