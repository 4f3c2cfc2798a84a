# Generated from forms/ticket_detail.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QVBoxLayout, QWidget

class Ui_TicketDetailDialog(object):
    def setupUi(self, TicketDetailDialog):
        if not TicketDetailDialog.objectName():
            TicketDetailDialog.setObjectName(u"TicketDetailDialog")
        TicketDetailDialog.resize(1040, 680)
        self.detailLayout = QVBoxLayout(TicketDetailDialog)
        self.detailLayout.setObjectName(u"detailLayout")
        self.factsScroll = QScrollArea(TicketDetailDialog)
        self.factsScroll.setObjectName(u"factsScroll")
        self.factsScroll.setFrameShape(QFrame.NoFrame)
        self.factsScroll.setWidgetResizable(True)
        self.factsScroll.setMinimumSize(QSize(0, 150))
        self.factsWidget = QWidget()
        self.factsWidget.setObjectName(u"factsWidget")
        self.factsLayout = QHBoxLayout(self.factsWidget)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setContentsMargins(0, 0, 0, 0)
        self.factsColumn = QVBoxLayout()
        self.factsColumn.setObjectName(u"factsColumn")
        self.factsLabel = QLabel(self.factsWidget)
        self.factsLabel.setObjectName(u"factsLabel")
        self.factsLabel.setText(u"")
        self.factsLabel.setTextFormat(Qt.RichText)
        self.factsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.factsColumn.addWidget(self.factsLabel)

        self.factsForm = QFormLayout()
        self.factsForm.setObjectName(u"factsForm")
        self.factsForm.setHorizontalSpacing(8)
        self.factsForm.setVerticalSpacing(1)

        self.factsColumn.addLayout(self.factsForm)

        self.factsEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.factsColumn.addItem(self.factsEnd)


        self.factsLayout.addLayout(self.factsColumn)

        self.warrantyColumn = QVBoxLayout()
        self.warrantyColumn.setObjectName(u"warrantyColumn")
        self.warrantyLabel = QLabel(self.factsWidget)
        self.warrantyLabel.setObjectName(u"warrantyLabel")
        font = QFont()
        font.setBold(True)
        self.warrantyLabel.setFont(font)
        self.warrantyLabel.setText(u"")
        self.warrantyLabel.setWordWrap(True)
        self.warrantyLabel.setTextFormat(Qt.PlainText)

        self.warrantyColumn.addWidget(self.warrantyLabel)

        self.warrantyDetailLabel = QLabel(self.factsWidget)
        self.warrantyDetailLabel.setObjectName(u"warrantyDetailLabel")
        self.warrantyDetailLabel.setText(u"")
        self.warrantyDetailLabel.setWordWrap(True)
        self.warrantyDetailLabel.setTextFormat(Qt.PlainText)
        self.warrantyDetailLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.warrantyColumn.addWidget(self.warrantyDetailLabel)

        self.warrantyEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.warrantyColumn.addItem(self.warrantyEnd)


        self.factsLayout.addLayout(self.warrantyColumn)

        self.factsScroll.setWidget(self.factsWidget)

        self.detailLayout.addWidget(self.factsScroll)

        self.tabs = QTabWidget(TicketDetailDialog)
        self.tabs.setObjectName(u"tabs")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.timeline = QTableWidget(self.historyTab)
        self.timeline.setObjectName(u"timeline")
        self.timeline.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timeline.setWordWrap(True)

        self.historyLayout.addWidget(self.timeline)

        self.actionsGroup = QGroupBox(self.historyTab)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsForm = QFormLayout(self.actionsGroup)
        self.actionsForm.setObjectName(u"actionsForm")
        self.nextLabel = QLabel(self.actionsGroup)
        self.nextLabel.setObjectName(u"nextLabel")
        self.nextLabel.setText(u"")
        self.nextLabel.setWordWrap(True)
        self.nextLabel.setTextFormat(Qt.RichText)

        self.actionsForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.nextLabel)

        self.stepLabel = QLabel(self.actionsGroup)
        self.stepLabel.setObjectName(u"stepLabel")

        self.actionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stepLabel)

        self.stepLayout = QHBoxLayout()
        self.stepLayout.setObjectName(u"stepLayout")
        self.diagnoseButton = QPushButton(self.actionsGroup)
        self.diagnoseButton.setObjectName(u"diagnoseButton")

        self.stepLayout.addWidget(self.diagnoseButton)

        self.visitButton = QPushButton(self.actionsGroup)
        self.visitButton.setObjectName(u"visitButton")

        self.stepLayout.addWidget(self.visitButton)

        self.callOffButton = QPushButton(self.actionsGroup)
        self.callOffButton.setObjectName(u"callOffButton")

        self.stepLayout.addWidget(self.callOffButton)

        self.quoteButton = QPushButton(self.actionsGroup)
        self.quoteButton.setObjectName(u"quoteButton")

        self.stepLayout.addWidget(self.quoteButton)

        self.repairButton = QPushButton(self.actionsGroup)
        self.repairButton.setObjectName(u"repairButton")

        self.stepLayout.addWidget(self.repairButton)

        self.recordButton = QPushButton(self.actionsGroup)
        self.recordButton.setObjectName(u"recordButton")

        self.stepLayout.addWidget(self.recordButton)

        self.workDoneButton = QPushButton(self.actionsGroup)
        self.workDoneButton.setObjectName(u"workDoneButton")

        self.stepLayout.addWidget(self.workDoneButton)

        self.partsButton = QPushButton(self.actionsGroup)
        self.partsButton.setObjectName(u"partsButton")

        self.stepLayout.addWidget(self.partsButton)

        self.partsArrivedButton = QPushButton(self.actionsGroup)
        self.partsArrivedButton.setObjectName(u"partsArrivedButton")

        self.stepLayout.addWidget(self.partsArrivedButton)

        self.readyButton = QPushButton(self.actionsGroup)
        self.readyButton.setObjectName(u"readyButton")

        self.stepLayout.addWidget(self.readyButton)

        self.pickupButton = QPushButton(self.actionsGroup)
        self.pickupButton.setObjectName(u"pickupButton")

        self.stepLayout.addWidget(self.pickupButton)

        self.closeTicketButton = QPushButton(self.actionsGroup)
        self.closeTicketButton.setObjectName(u"closeTicketButton")

        self.stepLayout.addWidget(self.closeTicketButton)

        self.cancelTicketButton = QPushButton(self.actionsGroup)
        self.cancelTicketButton.setObjectName(u"cancelTicketButton")

        self.stepLayout.addWidget(self.cancelTicketButton)

        self.stepSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stepLayout.addItem(self.stepSpacer)


        self.actionsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.stepLayout)

        self.stepNoteLabel = QLabel(self.actionsGroup)
        self.stepNoteLabel.setObjectName(u"stepNoteLabel")

        self.actionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.stepNoteLabel)

        self.stepNoteEdit = QLineEdit(self.actionsGroup)
        self.stepNoteEdit.setObjectName(u"stepNoteEdit")

        self.actionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.stepNoteEdit)

        self.technicianLabel = QLabel(self.actionsGroup)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.actionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.technicianLabel)

        self.techLayout = QHBoxLayout()
        self.techLayout.setObjectName(u"techLayout")
        self.technicianCombo = QComboBox(self.actionsGroup)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.techLayout.addWidget(self.technicianCombo)

        self.assignButton = QPushButton(self.actionsGroup)
        self.assignButton.setObjectName(u"assignButton")

        self.techLayout.addWidget(self.assignButton)

        self.uncertainCheck = QCheckBox(self.actionsGroup)
        self.uncertainCheck.setObjectName(u"uncertainCheck")

        self.techLayout.addWidget(self.uncertainCheck)


        self.actionsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.techLayout)

        self.noteLabel = QLabel(self.actionsGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.actionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteEdit = QLineEdit(self.actionsGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.addWidget(self.noteEdit)

        self.noteButton = QPushButton(self.actionsGroup)
        self.noteButton.setObjectName(u"noteButton")

        self.noteLayout.addWidget(self.noteButton)


        self.actionsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.noteLayout)

        self.verifyLabel = QLabel(self.actionsGroup)
        self.verifyLabel.setObjectName(u"verifyLabel")

        self.actionsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.verifyLabel)

        self.verifyLayout = QHBoxLayout()
        self.verifyLayout.setObjectName(u"verifyLayout")
        self.verifyFieldsLabel = QLabel(self.actionsGroup)
        self.verifyFieldsLabel.setObjectName(u"verifyFieldsLabel")
        self.verifyFieldsLabel.setText(u"")
        self.verifyFieldsLabel.setWordWrap(True)

        self.verifyLayout.addWidget(self.verifyFieldsLabel)

        self.verifyButton = QPushButton(self.actionsGroup)
        self.verifyButton.setObjectName(u"verifyButton")

        self.verifyLayout.addWidget(self.verifyButton)

        self.respondedButton = QPushButton(self.actionsGroup)
        self.respondedButton.setObjectName(u"respondedButton")

        self.verifyLayout.addWidget(self.respondedButton)


        self.actionsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.verifyLayout)

        self.printLabel = QLabel(self.actionsGroup)
        self.printLabel.setObjectName(u"printLabel")

        self.actionsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.printLabel)

        self.printLayout = QHBoxLayout()
        self.printLayout.setObjectName(u"printLayout")
        self.printCardButton = QPushButton(self.actionsGroup)
        self.printCardButton.setObjectName(u"printCardButton")

        self.printLayout.addWidget(self.printCardButton)

        self.printPullbackButton = QPushButton(self.actionsGroup)
        self.printPullbackButton.setObjectName(u"printPullbackButton")

        self.printLayout.addWidget(self.printPullbackButton)

        self.printPickupButton = QPushButton(self.actionsGroup)
        self.printPickupButton.setObjectName(u"printPickupButton")

        self.printLayout.addWidget(self.printPickupButton)

        self.printAgreementButton = QPushButton(self.actionsGroup)
        self.printAgreementButton.setObjectName(u"printAgreementButton")

        self.printLayout.addWidget(self.printAgreementButton)

        self.printSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.printLayout.addItem(self.printSpacer)


        self.actionsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.printLayout)

        self.whereLabel = QLabel(self.actionsGroup)
        self.whereLabel.setObjectName(u"whereLabel")

        self.actionsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.whereLabel)

        self.whereLayout = QHBoxLayout()
        self.whereLayout.setObjectName(u"whereLayout")
        self.whereValueLabel = QLabel(self.actionsGroup)
        self.whereValueLabel.setObjectName(u"whereValueLabel")
        self.whereValueLabel.setText(u"")
        self.whereValueLabel.setWordWrap(True)

        self.whereLayout.addWidget(self.whereValueLabel)

        self.pullBackButton = QPushButton(self.actionsGroup)
        self.pullBackButton.setObjectName(u"pullBackButton")

        self.whereLayout.addWidget(self.pullBackButton)

        self.backButton = QPushButton(self.actionsGroup)
        self.backButton.setObjectName(u"backButton")

        self.whereLayout.addWidget(self.backButton)

        self.lendLoanerButton = QPushButton(self.actionsGroup)
        self.lendLoanerButton.setObjectName(u"lendLoanerButton")

        self.whereLayout.addWidget(self.lendLoanerButton)


        self.actionsForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.whereLayout)

        self.claimLabel = QLabel(self.actionsGroup)
        self.claimLabel.setObjectName(u"claimLabel")

        self.actionsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.claimLabel)

        self.claimLayout = QHBoxLayout()
        self.claimLayout.setObjectName(u"claimLayout")
        self.claimValueLabel = QLabel(self.actionsGroup)
        self.claimValueLabel.setObjectName(u"claimValueLabel")
        self.claimValueLabel.setText(u"")
        self.claimValueLabel.setWordWrap(True)
        self.claimValueLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.claimLayout.addWidget(self.claimValueLabel)

        self.makerOrderButton = QPushButton(self.actionsGroup)
        self.makerOrderButton.setObjectName(u"makerOrderButton")

        self.claimLayout.addWidget(self.makerOrderButton)

        self.claimTagsButton = QPushButton(self.actionsGroup)
        self.claimTagsButton.setObjectName(u"claimTagsButton")

        self.claimLayout.addWidget(self.claimTagsButton)

        self.claimLayout.setStretch(0, 1)

        self.actionsForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.claimLayout)


        self.historyLayout.addWidget(self.actionsGroup)

        self.tabs.addTab(self.historyTab, "")
        self.billingTab = QWidget()
        self.billingTab.setObjectName(u"billingTab")
        self.billingTabLayout = QVBoxLayout(self.billingTab)
        self.billingTabLayout.setObjectName(u"billingTabLayout")
        self.billingTabLayout.setContentsMargins(0, 0, 0, 0)
        self.billingScroll = QScrollArea(self.billingTab)
        self.billingScroll.setObjectName(u"billingScroll")
        self.billingScroll.setFocusPolicy(Qt.NoFocus)
        self.billingScroll.setFrameShape(QFrame.NoFrame)
        self.billingScroll.setWidgetResizable(True)
        self.billingContents = QWidget()
        self.billingContents.setObjectName(u"billingContents")
        self.billingLayout = QVBoxLayout(self.billingContents)
        self.billingLayout.setObjectName(u"billingLayout")
        self.billingLayout.setContentsMargins(0, 0, 0, 0)
        self.billingScroll.setWidget(self.billingContents)

        self.billingTabLayout.addWidget(self.billingScroll)

        self.tabs.addTab(self.billingTab, "")

        self.detailLayout.addWidget(self.tabs)

        self.messageLabel = QLabel(TicketDetailDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(TicketDetailDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.detailLayout.addLayout(self.buttonLayout)

        self.detailLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.stepNoteLabel.setBuddy(self.stepNoteEdit)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.verifyLabel.setBuddy(self.verifyButton)
        self.printLabel.setBuddy(self.printCardButton)
        self.whereLabel.setBuddy(self.pullBackButton)
        self.claimLabel.setBuddy(self.makerOrderButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.diagnoseButton, self.visitButton)
        QWidget.setTabOrder(self.visitButton, self.callOffButton)
        QWidget.setTabOrder(self.callOffButton, self.quoteButton)
        QWidget.setTabOrder(self.quoteButton, self.repairButton)
        QWidget.setTabOrder(self.repairButton, self.recordButton)
        QWidget.setTabOrder(self.recordButton, self.workDoneButton)
        QWidget.setTabOrder(self.workDoneButton, self.partsButton)
        QWidget.setTabOrder(self.partsButton, self.partsArrivedButton)
        QWidget.setTabOrder(self.partsArrivedButton, self.readyButton)
        QWidget.setTabOrder(self.readyButton, self.pickupButton)
        QWidget.setTabOrder(self.pickupButton, self.closeTicketButton)
        QWidget.setTabOrder(self.closeTicketButton, self.cancelTicketButton)
        QWidget.setTabOrder(self.cancelTicketButton, self.stepNoteEdit)
        QWidget.setTabOrder(self.stepNoteEdit, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.assignButton)
        QWidget.setTabOrder(self.assignButton, self.uncertainCheck)
        QWidget.setTabOrder(self.uncertainCheck, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.noteButton)
        QWidget.setTabOrder(self.noteButton, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.respondedButton)
        QWidget.setTabOrder(self.respondedButton, self.timeline)
        QWidget.setTabOrder(self.timeline, self.closeButton)

        self.retranslateUi(TicketDetailDialog)
    # setupUi

    def retranslateUi(self, TicketDetailDialog):
        TicketDetailDialog.setWindowTitle(QCoreApplication.translate("TicketDetailDialog", u"Ticket", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Next step", None))
        self.stepLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"Step", None))
        self.diagnoseButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Start &diagnosis", None))
        self.visitButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Book a visit\u2026", None))
        self.callOffButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Call off the visit", None))
        self.quoteButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Quote\u2026", None))
        self.repairButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Start &repair", None))
        self.recordButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Record the r&epair\u2026", None))
        self.workDoneButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Work do&ne", None))
        self.partsButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Waiting for parts", None))
        self.partsArrivedButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Parts arr&ived", None))
        self.readyButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Read&y for pick-up", None))
        self.pickupButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Pic&k-up\u2026", None))
        self.closeTicketButton.setText(QCoreApplication.translate("TicketDetailDialog", u"C&lose ticket", None))
        self.cancelTicketButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Cancel ticket", None))
        self.stepNoteLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Step note", None))
        self.stepNoteEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"note for the step (optional)", None))
        self.technicianLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Technician", None))
        self.assignButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Assign", None))
        self.uncertainCheck.setText(QCoreApplication.translate("TicketDetailDialog", u"Technician not sure of the repair", None))
        self.noteLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"N&ote", None))
        self.noteButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Add note", None))
        self.verifyLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"To verify", None))
        self.verifyButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Mark verified", None))
        self.respondedButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Customer answered", None))
        self.printLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"Print", None))
        self.printCardButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Feedback &card", None))
        self.printPullbackButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Pull-back receipt", None))
        self.printPickupButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Pick-up receipt", None))
        self.printAgreementButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Loaner agreement", None))
        self.whereLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"The product", None))
        self.pullBackButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Pull back\u2026", None))
        self.backButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Back at the counter", None))
        self.lendLoanerButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Lend a loaner\u2026", None))
        self.claimLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"The maker", None))
        self.makerOrderButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Maker's order no.\u2026", None))
#if QT_CONFIG(tooltip)
        self.makerOrderButton.setToolTip(QCoreApplication.translate("TicketDetailDialog", u"The service order number the maker gave this job (it goes on the claim)", None))
#endif // QT_CONFIG(tooltip)
        self.claimTagsButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Old-part tags", None))
#if QT_CONFIG(tooltip)
        self.claimTagsButton.setToolTip(QCoreApplication.translate("TicketDetailDialog", u"Print the tags of the old parts the maker wants back", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("TicketDetailDialog", u"Timeline and next step", None))
        self.tabs.setTabText(self.tabs.indexOf(self.billingTab), QCoreApplication.translate("TicketDetailDialog", u"Quote and payments", None))
        self.closeButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Close (Esc)", None))
    # retranslateUi

