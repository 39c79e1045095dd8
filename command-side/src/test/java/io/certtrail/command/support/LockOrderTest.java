package io.certtrail.command.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LockOrderTest {

    private UnitOfWork<?> unitOfWork;

    @AfterEach
    void end() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void theLinksOfOneCommandGoDownTheList() {
        unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThatCode(() -> {
                    // an activation: the account claims its address, which is taken from its previous owner
                    LockOrder.step(LockOrder.ACCOUNT, LockOrder.ADDRESS_OWNERSHIP);
                    LockOrder.step(LockOrder.ADDRESS_OWNERSHIP, LockOrder.PREVIOUS_OWNER);
                })
                .doesNotThrowAnyException();
        unitOfWork.rollback();
        unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThatCode(() -> {
                    // an application: the certificate's record, then the applicant's account, twice
                    LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.SOURCE_RECORD);
                    LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.ACCOUNT);
                    LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.ACCOUNT);
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aLinkUpTheListIsRefused() {
        assertThatThrownBy(() -> LockOrder.step(LockOrder.ADDRESS_OWNERSHIP, LockOrder.ACCOUNT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may not lock ACCOUNT");
    }

    @Test
    void withinOneUnitOfWorkNothingIsLockedAfterSomethingLaterInTheList() {
        unitOfWork = DefaultUnitOfWork.startAndGet(null);
        LockOrder.step(LockOrder.ACCOUNT, LockOrder.ADDRESS_OWNERSHIP);
        assertThatThrownBy(() -> LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.SOURCE_RECORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SOURCE_RECORD locked after ADDRESS_OWNERSHIP");
    }
}
