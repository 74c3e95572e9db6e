package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invoices in four layouts: a classic one with the details beside the sender, a continental one (net, VAT, gross),
 * a consultant's bill of fees without quantities, and a plain one-column one with "2 x item @ price" lines.
 */
final class InvoiceDocuments implements ClassDocuments {

    private static final List<String> GOODS = List.of("A4 copier paper, 5 reams", "Toner cartridge, black",
            "Ergonomic office chair", "USB-C docking station", "Whiteboard markers (12)", "Desk lamp LED",
            "Stainless steel bolts M8", "Safety gloves, size L", "Pallet wrap film", "Laptop stand", "HDMI cable 2 m",
            "Filing cabinet, 3 drawers", "Coffee beans 1 kg", "Printer drum unit", "Label roll 100x50",
            "Cable ties, pack of 100", "Monitor 27 inch", "Wireless keyboard", "Hand sanitiser 5 l", "Step ladder");
    private static final List<String> SERVICES = List.of("Consulting services", "Website maintenance",
            "Project management", "On-site support visit", "Data migration", "Training workshop (1 day)",
            "Quarterly audit fee", "Cloud hosting, monthly", "Design revisions", "Translation of manual",
            "Network installation", "Security review", "Bookkeeping services", "Event photography");

    @Override
    public String documentClass() {
        return "invoice";
    }

    private record Item(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int layout = pick.between(0, 3);
        Money money = Money.any(pick);
        DateStyle dates = ClassDocuments.dateStyle(pick);
        String vendor = Names.company(pick);
        String customer = pick.chance(0.8) ? Names.company(pick) : Names.person(pick);
        String number = pick.oneOf("INV-" + pick.between(2023, 2025) + "-" + String.format("%04d", pick.between(1, 9999)),
                pick.between(2023, 2025) + "/" + pick.between(100, 999), "F-" + String.format("%05d", pick.between(1, 99999)),
                String.valueOf(pick.between(10000, 99999)), "AB-" + pick.between(1000, 9999) + "-" + pick.oneOf("X", "K", "Q"));
        LocalDate issued = pick.date();
        LocalDate due = pick.chance(0.8) ? issued.plusDays(pick.oneOf(14, 30, 45, 60)) : null;
        int count = shape.listSize() > 0 ? shape.listSize()
                : pick.chance(0.2) ? 1 : pick.between(2, shape.onePage() ? 6 : 15);
        boolean services = layout == 2;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String description = services ? pick.one(SERVICES) : pick.one(GOODS);
            if (services) {
                BigDecimal amount = pick.money(80, 4800);
                items.add(new Item(description, null, null, amount));
            } else {
                BigDecimal quantity = BigDecimal.valueOf(pick.between(1, pick.chance(0.1) ? 1200 : 12));
                BigDecimal price = pick.money(0.5, quantity.intValue() > 100 ? 20 : 900);
                items.add(new Item(description, quantity, price, quantity.multiply(price).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        BigDecimal subtotal = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shipping = !services && pick.chance(0.3) ? pick.money(4, 60) : null;
        BigDecimal discount = pick.chance(0.2) ? subtotal.multiply(BigDecimal.valueOf(pick.oneOf(5, 10)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP) : null;
        int rate = pick.oneOf(0, 5, 7, 10, 19, 20, 20, 21);
        boolean taxStated = pick.chance(0.85);
        BigDecimal tax = taxStated ? subtotal.multiply(BigDecimal.valueOf(rate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP) : null;
        BigDecimal total = subtotal.add(tax == null ? BigDecimal.ZERO : tax).add(shipping == null ? BigDecimal.ZERO : shipping)
                .subtract(discount == null ? BigDecimal.ZERO : discount);

        List<Block> blocks = new ArrayList<>();
        List<String> vendorLines = new ArrayList<>(List.of(vendor));
        vendorLines.addAll(Names.address(pick));
        List<String> customerLines = new ArrayList<>(List.of(customer));
        customerLines.addAll(Names.address(pick));
        String taxLabel = pick.oneOf("VAT", "Tax", "Sales tax", "GST");
        switch (layout) {
            case 0 -> {
                blocks.add(new Block.Line(vendor, Block.Style.BOLD));
                blocks.add(new Block.Title("INVOICE"));
                List<String> details = new ArrayList<>(List.of("Invoice No: " + number, "Invoice Date: " + dates.format(issued)));
                if (due != null) {
                    details.add("Due Date: " + dates.format(due));
                }
                blocks.add(new Block.Columns(vendorLines.subList(1, vendorLines.size()), details));
                blocks.add(new Block.Line("Bill To:", Block.Style.BOLD));
                customerLines.forEach(line -> blocks.add(new Block.Line(line)));
            }
            case 1 -> {
                blocks.add(new Block.Columns(vendorLines, List.of("Tax Invoice", "Invoice number: " + number,
                        "Date of issue: " + dates.format(issued))));
                blocks.add(new Block.Gap());
                blocks.add(new Block.Line("Customer: " + customer));
                blocks.add(new Block.Line(String.join(", ", customerLines.subList(1, customerLines.size()))));
                if (due != null) {
                    blocks.add(new Block.Line("Payment due: " + dates.format(due)));
                }
            }
            case 2 -> {
                blocks.add(new Block.Title(vendor));
                vendorLines.subList(1, vendorLines.size()).forEach(line -> blocks.add(new Block.Line(line)));
                blocks.add(new Block.Gap());
                blocks.add(new Block.Heading(pick.oneOf("Invoice for professional services", "INVOICE", "Fee invoice")));
                blocks.add(new Block.Line("Reference: " + number));
                blocks.add(new Block.Line("Issued: " + dates.format(issued)));
                blocks.add(new Block.Line("Client: " + customer));
                if (due != null) {
                    blocks.add(new Block.Line("Payable by: " + dates.format(due)));
                }
            }
            default -> {
                blocks.add(new Block.Title("Invoice #" + number));
                blocks.add(new Block.Line("From: " + vendor + ", " + String.join(", ", vendorLines.subList(1, vendorLines.size()))));
                blocks.add(new Block.Line("To: " + customer + ", " + String.join(", ", customerLines.subList(1, customerLines.size()))));
                blocks.add(new Block.Line("Date: " + dates.format(issued)));
                if (due != null) {
                    blocks.add(new Block.Line("Due: " + dates.format(due)));
                }
            }
        }
        if (dates.hint() != null) {
            blocks.add(ClassDocuments.dateHint(dates));
        }
        blocks.add(new Block.Gap());
        String code = money.code();
        if (layout == 3) {
            for (Item item : items) {
                blocks.add(new Block.Line(item.quantity().toPlainString() + " x " + item.description() + " @ "
                        + money.number(item.unitPrice()) + " = " + money.number(item.amount())));
            }
            blocks.add(new Block.Gap());
        } else if (services) {
            List<List<String>> rows = new ArrayList<>();
            items.forEach(item -> rows.add(List.of(item.description(), money.number(item.amount()))));
            blocks.add(new Block.Table(List.of("Service", "Amount (" + code + ")"), List.of(3.0, 1.0), List.of(false, true), rows));
        } else if (layout == 1) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                rows.add(List.of(String.valueOf(i + 1), item.description(), item.quantity().toPlainString(),
                        money.number(item.unitPrice()), money.number(item.amount())));
            }
            blocks.add(new Block.Table(List.of("Pos.", "Item", "Quantity", "Price", "Net"),
                    List.of(0.5, 3.2, 1.0, 1.2, 1.3), List.of(false, false, true, true, true), rows));
        } else {
            List<List<String>> rows = new ArrayList<>();
            items.forEach(item -> rows.add(List.of(item.description(), item.quantity().toPlainString(),
                    money.amount(item.unitPrice()), money.amount(item.amount()))));
            blocks.add(new Block.Table(List.of("Description", "Qty", "Unit Price", "Amount"),
                    List.of(3.4, 0.7, 1.4, 1.5), List.of(false, true, true, true), rows));
        }
        boolean net = layout == 1;
        blocks.add(new Block.Line((net ? "Net amount: " : "Subtotal: ") + money.amount(subtotal)));
        if (discount != null) {
            blocks.add(new Block.Line("Discount: -" + money.amount(discount)));
        }
        if (shipping != null) {
            blocks.add(new Block.Line(pick.oneOf("Shipping: ", "Delivery: ", "Shipping & handling: ") + money.amount(shipping)));
        }
        if (tax != null) {
            blocks.add(new Block.Line(taxLabel + " " + rate + "%: " + money.amount(tax)));
        } else {
            blocks.add(new Block.Line(pick.oneOf("Prices are exempt from VAT.", "No tax charged (reverse charge).")));
        }
        blocks.add(new Block.Line((net ? "Gross amount payable: " : pick.oneOf("Total: ", "Total due: ", "Amount due: "))
                + money.amount(total), Block.Style.BOLD));
        if (!money.showsCode()) {
            blocks.add(new Block.Line("All amounts in " + code + "."));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Paragraph(pick.oneOf(
                "Please pay by bank transfer quoting the invoice number. Thank you for your business.",
                "Payment terms: " + (due == null ? "due on receipt" : "as stated above") + ". Late payments may incur interest.",
                "Questions about this invoice? Contact our accounts team at " + Names.email("Accounts Team", Names.domain(vendor)) + ".")));

        ObjectNode fields = NODES.objectNode();
        fields.put("vendorName", vendor);
        fields.put("invoiceNumber", number);
        fields.put("invoiceDate", issued.toString());
        if (due != null) {
            fields.put("dueDate", due.toString());
        }
        fields.put("customerName", customer);
        fields.put("currency", code);
        fields.put("subtotal", subtotal);
        if (tax != null) {
            fields.put("tax", tax);
        }
        if (shipping != null) {
            fields.put("shipping", shipping);
        }
        if (discount != null) {
            fields.put("discount", discount);
        }
        fields.put("total", total);
        ArrayNode lineItems = fields.putArray("lineItems");
        for (Item item : items) {
            ObjectNode line = lineItems.addObject();
            line.put("description", item.description());
            if (item.quantity() != null) {
                line.put("quantity", item.quantity());
                line.put("unitPrice", item.unitPrice());
            }
            line.put("amount", item.amount());
        }
        PageStyle page = ClassDocuments.page(pick, 9, 10.5f);
        return new Draft(items.size() > 30 ? page.numbered() : page, blocks, fields);
    }
}
