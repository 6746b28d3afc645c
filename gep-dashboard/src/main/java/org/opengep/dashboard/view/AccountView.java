package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Objects;
import org.opengep.dashboard.client.accounting.model.AccountDocument;
import org.opengep.dashboard.client.accounting.model.AccountSummary;
import org.opengep.dashboard.client.accounting.model.IndicatorResult;
import org.opengep.dashboard.client.accounting.model.Provenance;

/** One account with its provenance and its indicators' values. */
@TemplateData
public record AccountView(String id, String regionCode, String regionName, int year, String gep, String methodVersion,
        String priceSet, String createdBy, String createdAt, String inputsHash, List<RegionView.IndicatorRow> indicators) {

    /** An account in a region's list. */
    @TemplateData
    public record Line(String id, int year, String methodVersion, String gep, boolean official, String createdBy, String createdAt) {

        public static Line of(AccountSummary summary) {
            return new Line(String.valueOf(summary.getId()), summary.getYear(), summary.getMethodVersion(), Figures.yi(summary.getGep()),
                    Boolean.TRUE.equals(summary.getOfficial()), summary.getCreatedBy(), Times.minute(summary.getCreatedAt()));
        }
    }

    public static AccountView of(AccountDocument account, String language) {
        Provenance provenance = Objects.requireNonNullElse(account.getProvenance(), new Provenance());
        List<RegionView.IndicatorRow> indicators = Objects.requireNonNullElse(account.getResult().getIndicators(), List.<IndicatorResult>of())
                .stream().map(i -> new RegionView.IndicatorRow(i.getCode(), Texts.ENGLISH.equals(language) ? i.getNameEn() : i.getNameZh(),
                        Figures.yi(i.getValue())))
                .toList();
        return new AccountView(String.valueOf(account.getId()), account.getRegionCode(), account.getRegionName(), account.getYear(),
                Figures.yi(account.getResult().getGep()), provenance.getMethodVersion(),
                provenance.getPriceSetName() + " v" + provenance.getPriceSetVersion(), provenance.getCreatedBy(),
                Times.minute(provenance.getCreatedAt()), provenance.getInputsHash(), indicators);
    }
}
