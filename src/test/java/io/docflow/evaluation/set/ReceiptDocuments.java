package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receipts: a till roll with sales tax added (and a tip at restaurants), a till roll whose prices include VAT, and an
 * e-mailed order receipt. Cards are printed masked, as terminals print them.
 */
final class ReceiptDocuments implements ClassDocuments {

    private static final List<String> SHOPS = List.of("Coffee House", "Market", "Hardware", "Pharmacy", "Bakery",
            "Books", "Garden Centre", "Deli");
    private static final List<String> RESTAURANTS = List.of("Bistro", "Trattoria", "Grill", "Noodle Bar", "Diner");
    private static final List<String> SHOP_ITEMS = List.of("Flat white", "Croissant", "Milk 1L", "Sourdough loaf",
            "Bananas 1kg", "Paint brush set", "Wood screws", "Ibuprofen 200mg", "Plasters", "Notebook A5",
            "Paperback novel", "Potting soil 20L", "Tomato seeds", "Olive oil 500ml", "Cheddar 250g", "Batteries AA x4",
            "Orange juice", "Greeting card", "Tea towels", "Light bulb E27");
    private static final List<String> DISHES = List.of("Margherita pizza", "Caesar salad", "Ramen bowl",
            "Grilled salmon", "Cheeseburger", "Tiramisu", "Sparkling water", "House red wine", "Espresso",
            "Soup of the day", "Fries", "Lemonade");

    @Override
    public String documentClass() {
        return "receipt";
    }

    private record Line(String name, int quantity, BigDecimal price) {
        BigDecimal amount() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int layout = pick.between(0, 2);
        boolean restaurant = layout == 0 && pick.chance(0.4);
        String merchant = Names.brand(pick) + " " + pick.one(restaurant ? RESTAURANTS : SHOPS);
        Money money = Money.any(pick);
        DateStyle dates = pick.oneOf(DateStyle.ISO, DateStyle.DAY_MONTH_SLASHES, DateStyle.MONTH_DAY_SLASHES,
                DateStyle.DAY_SHORT_MONTH, DateStyle.DAY_MONTH_DOTS);
        LocalDate day = pick.date();
        String time = String.format("%02d:%02d", pick.between(7, 22), pick.between(0, 59));
        int count = shape.listSize() > 0 ? shape.listSize() : pick.between(1, shape.onePage() ? 8 : 14);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new Line(pick.one(restaurant ? DISHES : SHOP_ITEMS), pick.chance(0.25) ? pick.between(2, 4) : 1,
                    pick.money(0.8, restaurant ? 28 : 35)));
        }
        BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean vatIncluded = layout == 1;
        BigDecimal rate = BigDecimal.valueOf(pick.oneOf(5, 7, 8, 10, 19, 20));
        BigDecimal subtotal = vatIncluded ? null : sum;
        BigDecimal tax = vatIncluded
                ? sum.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP)
                : pick.chance(0.8) ? sum.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP) : null;
        BigDecimal tip = restaurant && pick.chance(0.7) ? sum.multiply(BigDecimal.valueOf(pick.oneOf(10, 15, 18)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP) : null;
        BigDecimal total = vatIncluded ? sum : sum.add(tax == null ? BigDecimal.ZERO : tax).add(tip == null ? BigDecimal.ZERO : tip);
        String method = pick.oneOf("Cash", "Visa", "Mastercard", "Debit card", "Amex", "Visa");
        String card = null;
        if (!"Cash".equals(method)) {
            String last = String.format("%04d", pick.between(0, 9999));
            card = pick.oneOf("************" + last, "**** **** **** " + last, "XXXX XXXX XXXX " + last,
                    "xxxx-xxxx-xxxx-" + last);
        }

        List<Block> blocks = new ArrayList<>();
        String number = String.valueOf(pick.between(1000, 99999));
        if (layout == 2) {
            blocks.add(new Block.Title(merchant));
            blocks.add(new Block.Line(pick.oneOf("Your receipt", "Order receipt", "Payment receipt")
                    + " - order " + number, Block.Style.BOLD));
            blocks.add(new Block.Line("Date of purchase: " + dates.format(day) + " " + time));
        } else {
            blocks.add(new Block.Line(merchant.toUpperCase(java.util.Locale.ROOT), Block.Style.BOLD));
            Names.address(pick).forEach(line -> blocks.add(new Block.Line(line)));
            blocks.add(new Block.Line(dates.format(day) + "  " + time + "  " + pick.oneOf("Till 2", "Till 4", "Table " + pick.between(1, 30))));
            blocks.add(new Block.Line(pick.oneOf("Receipt #", "Rcpt ", "Bon Nr. ") + number));
        }
        if (dates.hint() != null) {
            blocks.add(new Block.Line("Date format " + dates.hint()));
        }
        blocks.add(new Block.Gap());
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            rows.add(List.of((line.quantity() > 1 ? line.quantity() + " x " : "") + line.name(), money.number(line.amount())));
        }
        blocks.add(new Block.Table(List.of("Item", money.code()), List.of(2.6, 1.0), List.of(false, true), rows));
        if (subtotal != null) {
            blocks.add(new Block.Line("Subtotal " + money.number(subtotal)));
        }
        if (tax != null && !vatIncluded) {
            blocks.add(new Block.Line(pick.oneOf("Tax ", "Sales tax ", "VAT ") + rate + "% " + money.number(tax)));
        }
        if (tip != null) {
            blocks.add(new Block.Line(pick.oneOf("Tip ", "Gratuity ") + money.number(tip)));
        }
        blocks.add(new Block.Line("TOTAL " + money.code() + " " + money.number(total), Block.Style.BOLD));
        if (vatIncluded) {
            blocks.add(new Block.Line("incl. VAT " + rate + "%: " + money.number(tax)));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line("Payment method: " + method));
        if (card != null) {
            blocks.add(new Block.Line("Card: " + card));
            blocks.add(new Block.Line("Auth code " + pick.between(100000, 999999) + "  APPROVED"));
        } else {
            BigDecimal tendered = total.setScale(0, RoundingMode.CEILING).add(BigDecimal.valueOf(pick.oneOf(0, 5, 10)));
            blocks.add(new Block.Line("Tendered " + money.number(tendered)));
            blocks.add(new Block.Line("Change " + money.number(tendered.subtract(total))));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line(pick.oneOf("Thank you for your purchase!", "Thank you, come again", "Keep this receipt for returns")));

        ObjectNode fields = NODES.objectNode();
        fields.put("merchantName", merchant);
        fields.put("transactionDate", day.toString());
        fields.put("currency", money.code());
        if (subtotal != null) {
            fields.put("subtotal", subtotal);
        }
        if (tax != null) {
            fields.put("tax", tax);
        }
        if (tip != null) {
            fields.put("tip", tip);
        }
        fields.put("total", total);
        fields.put("paymentMethod", method);
        if (card != null) {
            fields.put("cardNumber", card);
        }
        PageStyle page = layout == 2 ? ClassDocuments.page(pick, 10, 11)
                : PageStyle.tillRoll(pick.oneOf(PageStyle.Face.MONO, PageStyle.Face.SANS), shape.onePage() ? 9.5f : 8.5f);
        return new Draft(page, blocks, fields);
    }
}
