package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.ApiTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finished process instances do not pile up: every model has a time to live, and the engine's
 * history cleanup is scheduled in its nightly window (the préfecture mailbox alone starts one
 * instance a minute).
 */
class HistoryCleanupTest extends ApiTest {

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Test
    void the_history_cleanup_is_scheduled_and_every_model_has_a_time_to_live() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive();
        }
        ProcessDefinition mailbox = repository.createProcessDefinitionQuery().processDefinitionKey("prefecture-mailbox")
                .latestVersion().singleResult();
        assertThat(mailbox.getHistoryTimeToLive()).isEqualTo(1);
    }
}
