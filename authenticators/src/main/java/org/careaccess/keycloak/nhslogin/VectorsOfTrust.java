package org.careaccess.keycloak.nhslogin;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * NHS login's vectors of trust: the {@code vtr} request parameter lists the identity-proofing and
 * authentication levels a service accepts (a JSON array such as {@code ["P9.Cp.Cd","P9.Cp.Ck","P9.Cm"]}),
 * and the ID token's {@code vot} says which one NHS login met. P9 is a fully verified identity;
 * {@code Cp}, {@code Cd}, {@code Ck} and {@code Cm} are password, device, key and multi-factor
 * authentication. A sign-in whose {@code vot} is not one of the requested vectors is refused.
 */
public final class VectorsOfTrust {

    public static final String DEFAULT = "[\"P9.Cp.Cd\",\"P9.Cp.Ck\",\"P9.Cm\"]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VECTOR = Pattern.compile("P[0-9](\\.C[a-z]{1,2}){1,3}");

    private final List<String> vectors;

    private VectorsOfTrust(List<String> vectors) {
        this.vectors = List.copyOf(vectors);
    }

    /**
     * The vectors of a setting (a JSON array of strings, like NHS login's {@code vtr}); blank means
     * {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException when the setting is not such an array of vectors
     */
    public static VectorsOfTrust parse(String setting) {
        String value = setting == null || setting.isBlank() ? DEFAULT : setting.trim();
        String[] vectors;
        try {
            vectors = JSON.readValue(value, String[].class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Vectors of trust must be a JSON array of strings, like " + DEFAULT);
        }
        if (vectors == null || vectors.length == 0 || !Arrays.stream(vectors).allMatch(v -> v != null && VECTOR.matcher(v).matches())) {
            throw new IllegalArgumentException("Vectors of trust must be NHS login vectors such as P9.Cp.Cd, like " + DEFAULT);
        }
        return new VectorsOfTrust(Arrays.asList(vectors));
    }

    /** Whether NHS login's {@code vot} is one of these vectors. */
    public boolean accepts(String vot) {
        return vot != null && vectors.contains(vot);
    }

    /** The {@code vtr} request parameter's value. */
    public String requestParameter() {
        try {
            return JSON.writeValueAsString(vectors);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> vectors() {
        return vectors;
    }
}
