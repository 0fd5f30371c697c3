"""Reads of the catalogue and the stock that are more than one filter."""

from dataclasses import dataclass

from django.db.models import Sum

from .models import Material, MaterialStock, Order, OrderLine


def catalogue():
    """Every material, with its stock rows (two queries, whatever the number)."""
    return Material.objects.with_stock()


def reserved_quantities(*, materials=None):
    """{(material id, language): copies} held back by orders not sent or cancelled yet."""
    lines = OrderLine.objects.filter(order__in=Order.objects.open())
    if materials is not None:
        lines = lines.filter(material__in=materials)
    rows = lines.values("material_id", "language").annotate(total=Sum("quantity"))
    return {(row["material_id"], row["language"]): row["total"] for row in rows}


@dataclass(frozen=True)
class Offer:
    """One material in one language as the order form offers it: `available` is what is
    on the shelf less what open orders hold back; `limit` the most one order may take."""

    material: Material
    stock: MaterialStock
    available: int

    @property
    def language(self):
        return self.stock.language

    @property
    def limit(self):
        return min(self.available, self.material.max_per_order)


def order_offer():
    """[(material, [Offer, …]), …]: every orderable material that exists in some language,
    each language in the site's order. Three queries."""
    materials = list(Material.objects.orderable().with_stock())
    reserved = reserved_quantities()
    offer = []
    for material in materials:
        rows = material.stock_by_language()
        if not rows:
            continue
        offer.append(
            (
                material,
                [
                    Offer(
                        material=material,
                        stock=row,
                        available=max(
                            row.quantity - reserved.get((material.pk, row.language), 0), 0
                        ),
                    )
                    for row in rows
                ],
            )
        )
    return offer
