package org.opengep.trading.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.problem.Errors;
import org.opengep.common.security.Caller;
import org.opengep.common.security.Roles;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.market.Money;
import org.opengep.trading.rest.CentreRequests.NewCashTransfer;
import org.opengep.trading.store.CashStore;

/** Cash accounts: deposits and withdrawals recorded by the operator (the bank transfer happens outside), and what each participant has. */
@ApplicationScoped
public class CashService {

    /** A participant's cash: available and frozen fen. */
    public record Cash(UUID participantId, long availableFen, long frozenFen) {}

    private static final BigDecimal MAX = new BigDecimal("1e14");

    @Inject
    LedgerWriter writer;

    @Inject
    CashStore cash;

    @Inject
    DataSource dataSource;

    public Response transfer(UUID participant, boolean deposit, NewCashTransfer r, Caller caller, KeyedRequest key,
            Function<CashStore.Transfer, Object> view) {
        Errors errors = new Errors();
        if (r.amount() == null || r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > 2 || r.amount().compareTo(MAX) >= 0) {
            errors.add("amount", "元, positive, at most two decimals, below 10^14");
        }
        if (r.bankReference() == null || r.bankReference().isBlank() || r.bankReference().length() > 100) {
            errors.add("bankReference", "required, at most 100 characters");
        }
        if (CashBook.FEE_ACCOUNT.equals(participant) && deposit) {
            errors.add("participantId", "the centre's fee account takes fees only");
        }
        errors.throwIfAny();
        return writer.submit(new CentreCommands.CashTransfer(participant, deposit, Money.fen(r.amount()), r.bankReference(), caller.name()), key, 201, view);
    }

    /** A participant's cash; a trader sees only its own. */
    public Cash of(UUID participant, Caller caller) {
        caller.requireSees(participant, Roles.Trading.ACROSS_HOLDERS);
        return Transactions.jdbc(dataSource, c -> cash.find(c, participant)).map(a -> new Cash(participant, a.available(), a.frozen()))
                .orElse(new Cash(participant, 0, 0));
    }
}
