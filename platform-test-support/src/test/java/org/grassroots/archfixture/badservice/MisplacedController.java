package org.grassroots.archfixture.badservice;

import org.springframework.web.bind.annotation.RestController;

/** Breaks the rule that controllers live in web packages. */
@RestController
class MisplacedController {
}
