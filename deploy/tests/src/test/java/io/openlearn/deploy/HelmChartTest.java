package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HelmChartTest {

    @Test
    void chartPassesStrictLint() {
        LintResult lint = new Helm(Repo.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyRenderedObjectMatchesItsKubernetesSchema(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        assertFalse(rendered.objects().isEmpty(), "nothing rendered");
        assertEquals(java.util.List.of(), KubernetesSchemas.problems(rendered.objects()));
    }
}
