package org.grassroots.contracts.grids;

/**
 * The post of a full-time grid worker: A岗 at the community desk (综合服务窗口), B岗 on the grid round
 * (走访巡查). Other roles have no post.
 */
public enum StaffPost {
    POST_A,
    POST_B
}
