"""The order form as a browser posts it."""

ORDERER = {
    "organisation": "Helsestasjonen på Tøyen",
    "contact_name": "Kari Nordmann",
    "email": "kari@toyen.example.no",
    "phone": "22 00 00 00",
    "address": "Hagegata 1",
    "postcode": "0653",
    "place": "Oslo",
    "note": "Levering på dagtid",
    "website": "",
}


def quantity_name(material, language="nb"):
    return f"quantity_{material.pk}_{language}"


def order_data(quantities=None, **fields):
    """`quantities`: {(material, language): value}."""
    data = dict(ORDERER)
    for (material, language), value in (quantities or {}).items():
        data[quantity_name(material, language)] = value
    data.update(fields)
    return data
