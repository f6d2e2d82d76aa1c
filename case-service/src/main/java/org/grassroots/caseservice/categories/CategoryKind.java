package org.grassroots.caseservice.categories;

/** What a resident brings: a problem to put right, or a need to meet. */
public enum CategoryKind {
    /** 投诉/问题: something is wrong and someone must put it right (rubbish, a burst pipe, noise). */
    COMPLAINT,
    /** 服务需求: someone needs help (an elderly resident living alone, a micro-wish). */
    SERVICE_REQUEST
}
