package org.opengep.accounting.engine.model;

import static org.opengep.accounting.engine.unit.Unit.MC;

import java.math.BigDecimal;

/**
 * The physical formulas of the method, as pure functions of canonical units (m, m², m³, t, kWh, d).
 * Each is unit-tested on hand-computed cases. Exponentials and powers (RWEQ, lake storage) are
 * evaluated in double precision, which is far finer than the coefficients they use.
 */
public final class Formulas {

    private static final BigDecimal M2_PER_HM2 = new BigDecimal("10000");
    private static final BigDecimal M2_PER_KM2 = new BigDecimal("1000000");
    private static final BigDecimal M3_PER_WAN_M3 = new BigDecimal("10000");
    private static final BigDecimal KG_PER_T = new BigDecimal("1000");
    private static final BigDecimal CO2_PER_C = new BigDecimal("44").divide(new BigDecimal("12"), MC);
    private static final BigDecimal O2_PER_C = new BigDecimal("32").divide(new BigDecimal("12"), MC);

    private Formulas() {}

    /** Water balance: Q = A (P − α P − ET), m³ from m² and m. */
    public static BigDecimal waterConservation(BigDecimal areaM2, BigDecimal precipitationM, BigDecimal runoffCoefficient,
            BigDecimal evapotranspirationM) {
        BigDecimal runoff = precipitationM.multiply(runoffCoefficient, MC);
        return areaM2.multiply(precipitationM.subtract(runoff).subtract(evapotranspirationM), MC);
    }

    /** RUSLE soil retention, t/a: (R·K·L·S − R·K·L·S·C·P) per hm², times the area in hm². */
    public static BigDecimal soilRetention(BigDecimal r, BigDecimal k, BigDecimal l, BigDecimal s, BigDecimal c,
            BigDecimal p, BigDecimal areaM2) {
        BigDecimal potential = r.multiply(k, MC).multiply(l, MC).multiply(s, MC);
        BigDecimal actual = potential.multiply(c, MC).multiply(p, MC);
        return potential.subtract(actual).multiply(areaM2.divide(M2_PER_HM2, MC), MC);
    }

    /** Reservoir siltation avoided, m³: λ x SR / ρ_soil. */
    public static BigDecimal siltationVolume(BigDecimal soilRetainedT, BigDecimal siltationCoefficient,
            BigDecimal soilBulkDensity) {
        return siltationCoefficient.multiply(soilRetainedT, MC).divide(soilBulkDensity, MC);
    }

    /** A nutrient kept in the soil, t: SR x content (content as a fraction). */
    public static BigDecimal nutrient(BigDecimal soilRetainedT, BigDecimal contentFraction) {
        return soilRetainedT.multiply(contentFraction, MC);
    }

    /**
     * RWEQ soil loss by wind, kg/m²: S_L = 2z/s² x Q_max x e^−(z/s)², with Q_max = 109.8 F, s = 150.71 F^−0.3711
     * and F = WF·EF·SCF·K'·C.
     */
    public static double windSoilLoss(double weatherFactor, double erodibleFraction, double crustFactor,
            double roughnessFactor, double vegetationFactor, double downwindDistanceM) {
        double f = weatherFactor * erodibleFraction * crustFactor * roughnessFactor * vegetationFactor;
        if (f <= 0) {
            return 0;
        }
        double qMax = 109.8 * f;
        double s = 150.71 * Math.pow(f, -0.3711);
        double ratio = downwindDistanceM / s;
        return 2 * downwindDistanceM / (s * s) * qMax * Math.exp(-ratio * ratio);
    }

    /** Sand fixed, t: (potential − actual soil loss) x area; potential sets the vegetation factor to 1. */
    public static BigDecimal sandFixation(double weatherFactor, double erodibleFraction, double crustFactor,
            double roughnessFactor, double vegetationFactor, double downwindDistanceM, BigDecimal areaM2) {
        double potential = windSoilLoss(weatherFactor, erodibleFraction, crustFactor, roughnessFactor, 1.0, downwindDistanceM);
        double actual = windSoilLoss(weatherFactor, erodibleFraction, crustFactor, roughnessFactor, vegetationFactor,
                downwindDistanceM);
        return BigDecimal.valueOf(potential - actual).multiply(areaM2, MC).divide(KG_PER_T, MC);
    }

    /** Sandified land avoided, m²: SF / (ρ_sand x h). */
    public static BigDecimal sandifiedArea(BigDecimal sandFixedT, BigDecimal sandBulkDensity, BigDecimal thicknessM) {
        return sandFixedT.divide(sandBulkDensity.multiply(thicknessM, MC), MC);
    }

    /** Lake flood storage, m³: C = e^a x A^b x T in 万m³ with A in km². */
    public static BigDecimal lakeStorage(BigDecimal areaM2, BigDecimal turnover, BigDecimal a, BigDecimal b) {
        double areaKm2 = areaM2.divide(M2_PER_KM2, MC).doubleValue();
        double wanM3 = Math.exp(a.doubleValue()) * Math.pow(areaKm2, b.doubleValue());
        return BigDecimal.valueOf(wanM3).multiply(turnover, MC).multiply(M3_PER_WAN_M3, MC);
    }

    /** Reservoir flood storage, m³: factor (0.35) x total storage. */
    public static BigDecimal reservoirStorage(BigDecimal totalStorageM3, BigDecimal factor) {
        return totalStorageM3.multiply(factor, MC);
    }

    /** Marsh flood storage, m³: area x storage depth. */
    public static BigDecimal marshStorage(BigDecimal areaM2, BigDecimal depthM) {
        return areaM2.multiply(depthM, MC);
    }

    /** CO2 fixed, t: 44/12 x NEP (t C). */
    public static BigDecimal co2FromNep(BigDecimal nepTC) {
        return nepTC.multiply(CO2_PER_C, MC);
    }

    /** O2 released, t: 32/12 x NEP (t C). */
    public static BigDecimal o2FromNep(BigDecimal nepTC) {
        return nepTC.multiply(O2_PER_C, MC);
    }

    /**
     * Energy absorbed by transpiration, kWh: EPP x S x D / r, with EPP in kWh·m⁻²·d⁻¹ (the guideline's
     * kJ and its 1/3600 are folded into the unit conversion).
     */
    public static BigDecimal transpirationEnergy(BigDecimal heatKwhPerM2Day, BigDecimal areaM2, BigDecimal days,
            BigDecimal efficiencyRatio) {
        return heatKwhPerM2Day.multiply(areaM2, MC).multiply(days, MC).divide(efficiencyRatio, MC);
    }

    /** Energy absorbed by evaporation, kWh: E_w x ρ_w x q (q in kWh/t), plus E_w x y for humidifiers. */
    public static BigDecimal evaporationEnergy(BigDecimal evaporationM3, BigDecimal waterDensity, BigDecimal latentHeatKwhPerT,
            BigDecimal humidifierKwhPerM3) {
        BigDecimal cooling = evaporationM3.multiply(waterDensity, MC).multiply(latentHeatKwhPerT, MC);
        return cooling.add(evaporationM3.multiply(humidifierKwhPerM3, MC));
    }

    /** Travel cost per visit, 元: hours x hourly wage x wage share + transport + lodging + food + tickets. */
    public static BigDecimal travelCostPerVisit(BigDecimal hours, BigDecimal hourlyWage, BigDecimal wageShare,
            BigDecimal transport, BigDecimal lodging, BigDecimal food, BigDecimal tickets) {
        BigDecimal time = hours.multiply(hourlyWage, MC).multiply(wageShare, MC);
        return time.add(transport).add(lodging).add(food).add(tickets);
    }

    /** Pest control: natural area (m²) that recovers without treatment, S_natural − S_treated. */
    public static BigDecimal naturallyRecovering(BigDecimal naturalM2, BigDecimal treatedM2) {
        return naturalM2.subtract(treatedM2);
    }

    /** Landscape value of one residential area: floor area (m²) x the view's premium (元/m²). */
    public static BigDecimal landscapePremium(BigDecimal floorAreaM2, BigDecimal premiumPerM2) {
        return floorAreaM2.multiply(premiumPerM2, MC);
    }
}
