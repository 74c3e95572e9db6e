package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bank statements for one month: paid-out and paid-in columns with a running balance, signed amounts with a balance,
 * or debit and credit columns without one; a summary box in some, the transaction count in some. IBANs have valid
 * check digits.
 */
final class BankStatementDocuments implements ClassDocuments {

    private static final List<String> DEBITS = List.of("Card payment GROCER & CO", "Direct debit City Energy",
            "Card payment RAIL TICKETS", "ATM withdrawal", "Standing order Rent", "Direct debit Mobile plan",
            "Card payment PETROL STATION", "Online transfer to savings", "Card payment BOOKSHOP", "Direct debit Insurance",
            "Card payment PHARMACY", "Subscription STREAMING", "Card payment RESTAURANT", "Bank charges");
    private static final List<String> CREDITS = List.of("Salary", "Transfer from savings", "Refund ONLINE STORE",
            "Interest paid", "Cash deposit", "Transfer from J. Smith", "Tax refund");

    @Override
    public String documentClass() {
        return "bank-statement";
    }

    private record Entry(LocalDate date, String description, BigDecimal amount, BigDecimal balance) {
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int layout = pick.between(0, 2);
        String bank = Names.brand(pick) + pick.oneOf(" Bank", " Savings Bank", " Bank plc", " Credit Union");
        String holder = Names.person(pick);
        Money money = Money.any(pick);
        DateStyle dates = pick.oneOf(DateStyle.ISO, DateStyle.DAY_SHORT_MONTH, DateStyle.DAY_MONTH_SLASHES,
                DateStyle.MONTH_DAY_SLASHES, DateStyle.DAY_MONTH_DOTS, DateStyle.DAY_MONTH_NAME);
        String country = pick.oneOf("GB", "DE", "NL", "FR", "IE");
        String iban = iban(pick, country);
        boolean masked = pick.chance(0.4);
        String accountDigits = String.valueOf(pick.between(10_000_000, 99_999_999));
        String account = masked ? "****" + accountDigits.substring(4) : accountDigits;
        boolean printIban = pick.chance(0.7);
        LocalDate start = pick.date().withDayOfMonth(1);
        int count = shape.listSize() > 0 ? shape.listSize() : pick.between(1, shape.onePage() ? 12 : 20);
        LocalDate end = start.plusMonths(count > 60 ? count / 60 : 1).minusDays(1);
        BigDecimal opening = pick.money(-400, 9000);
        List<Entry> entries = new ArrayList<>();
        BigDecimal balance = opening;
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal debits = BigDecimal.ZERO;
        List<LocalDate> days = new ArrayList<>();
        int span = (int) (end.toEpochDay() - start.toEpochDay());
        for (int i = 0; i < count; i++) {
            days.add(start.plusDays(pick.between(0, span)));
        }
        days.sort(null);
        for (LocalDate day : days) {
            boolean credit = pick.chance(0.25);
            BigDecimal amount = credit ? pick.money(20, pick.chance(0.2) ? 4200 : 600) : pick.money(1.5, pick.chance(0.1) ? 1600 : 180).negate();
            balance = balance.add(amount);
            if (credit) {
                credits = credits.add(amount);
            } else {
                debits = debits.add(amount.negate());
            }
            entries.add(new Entry(day, pick.one(credit ? CREDITS : DEBITS), amount, balance));
        }
        BigDecimal closing = balance;
        boolean summary = layout != 1 || pick.chance(0.5);
        boolean countStated = pick.chance(0.4);
        boolean balances = layout != 2;

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(bank));
        blocks.add(new Block.Heading(pick.oneOf("Account statement", "Statement of account", "Current account statement")));
        List<String> left = new ArrayList<>(List.of(holder));
        left.addAll(Names.address(pick));
        List<String> right = new ArrayList<>();
        right.add(pick.oneOf("Account number: ", "Account no. ", "Account: ") + account);
        if (printIban) {
            right.add("IBAN: " + grouped(iban));
        }
        right.add(pick.oneOf("Period: ", "Statement period: ") + dates.format(start) + " to " + dates.format(end));
        right.add("Currency: " + money.code());
        blocks.add(new Block.Columns(left, right));
        if (dates.hint() != null) {
            blocks.add(ClassDocuments.dateHint(dates));
        }
        if (summary) {
            blocks.add(new Block.Heading("Summary"));
            blocks.add(new Block.Line("Opening balance: " + money.amount(opening)));
            blocks.add(new Block.Line(pick.oneOf("Total credits: ", "Money in: ", "Paid in: ") + money.amount(credits)));
            blocks.add(new Block.Line(pick.oneOf("Total debits: ", "Money out: ", "Paid out: ") + money.amount(debits)));
            blocks.add(new Block.Line("Closing balance: " + money.amount(closing), Block.Style.BOLD));
        } else {
            blocks.add(new Block.Line("Opening balance " + money.amount(opening)));
        }
        if (countStated) {
            blocks.add(new Block.Line("Number of transactions: " + count));
        }
        blocks.add(new Block.Heading("Transactions"));
        List<List<String>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            String date = dates.format(entry.date());
            String out = entry.amount().signum() < 0 ? money.number(entry.amount().negate()) : "";
            String in = entry.amount().signum() > 0 ? money.number(entry.amount()) : "";
            switch (layout) {
                case 0 -> rows.add(List.of(date, entry.description(), out, in, money.number(entry.balance())));
                case 1 -> rows.add(List.of(date, entry.description(), money.number(entry.amount()), money.number(entry.balance())));
                default -> rows.add(List.of(date, entry.description(), out, in));
            }
        }
        double dateWidth = dates == DateStyle.DAY_MONTH_NAME ? 1.6 : 1.2;
        switch (layout) {
            case 0 -> blocks.add(new Block.Table(List.of("Date", "Description", "Paid out", "Paid in", "Balance"),
                    List.of(dateWidth, 3.0, 1.2, 1.2, 1.3), List.of(false, false, true, true, true), rows));
            case 1 -> blocks.add(new Block.Table(List.of("Date", "Details", "Amount", "Balance"),
                    List.of(dateWidth, 3.4, 1.3, 1.4), List.of(false, false, true, true), rows));
            default -> blocks.add(new Block.Table(List.of("Booking date", "Description", "Debit", "Credit"),
                    List.of(dateWidth + 0.2, 3.4, 1.3, 1.3), List.of(false, false, true, true), rows));
        }
        if (!summary) {
            blocks.add(new Block.Line("Closing balance " + money.amount(closing), Block.Style.BOLD));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Paragraph("Please check this statement and tell us about any entry you do not recognise. "
                + bank + " is authorised and regulated by the financial supervisor."));

        ObjectNode fields = NODES.objectNode();
        fields.put("bankName", bank);
        fields.put("accountHolder", holder);
        fields.put("accountNumber", account);
        if (printIban) {
            fields.put("iban", grouped(iban));
        }
        fields.put("statementPeriodStart", start.toString());
        fields.put("statementPeriodEnd", end.toString());
        fields.put("currency", money.code());
        fields.put("openingBalance", opening);
        fields.put("closingBalance", closing);
        if (summary) {
            fields.put("totalCredits", credits);
            fields.put("totalDebits", debits);
        }
        if (countStated) {
            fields.put("transactionCount", count);
        }
        ArrayNode transactions = fields.putArray("transactions");
        for (Entry entry : entries) {
            ObjectNode item = transactions.addObject();
            item.put("date", entry.date().toString());
            item.put("description", entry.description());
            item.put("amount", entry.amount());
            if (balances) {
                item.put("balance", entry.balance());
            }
        }
        PageStyle page = ClassDocuments.page(pick, 8.5f, 10);
        return new Draft(count > 25 ? page.numbered() : page, blocks, fields);
    }

    /** An IBAN of {@code country} with valid check digits (ISO 13616, mod 97). */
    static String iban(Pick pick, String country) {
        String bban = switch (country) {
            case "GB", "IE" -> pick.oneOf("NWBK", "BARC", "AIBK", "MIDL") + digits(pick, 14);
            case "DE" -> digits(pick, 18);
            case "NL" -> pick.oneOf("ABNA", "INGB", "RABO") + digits(pick, 10);
            default -> digits(pick, 23);
        };
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    private static String digits(Pick pick, int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(pick.between(0, 9));
        }
        return digits.toString();
    }

    private static String grouped(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
